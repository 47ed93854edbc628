FROM debian:bookworm-slim
ADD --checksum=sha256:0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7 https://example.com/tool/1.4.2/tool-linux-arm64.tar.gz /tmp/
