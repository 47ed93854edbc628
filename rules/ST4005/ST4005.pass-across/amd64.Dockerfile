FROM debian:bookworm-slim
ADD --checksum=sha256:5f4dcc3b5aa765d61d8327deb882cf99b8a8f6c2a1e5d3c7b9f0e4a6d2c8b1f3 https://example.com/tool/1.4.2/tool-linux-amd64.tar.gz /tmp/
