# One URL, one checksum per algorithm: the same pin twice, and a SHA-512 of it.
FROM debian:bookworm-slim AS one
ENV TOOL_SHA256=5f4dcc3b5aa765d61d8327deb882cf99b8a8f6c2a1e5d3c7b9f0e4a6d2c8b1f3
RUN set -eux; \
    curl -fsSLo tool.tgz https://example.com/tool/1.4.2/tool-linux.tar.gz; \
    echo "$TOOL_SHA256 *tool.tgz" | sha256sum -c -; \
    tar -xzf tool.tgz -C /usr/local/bin; rm tool.tgz

FROM debian:bookworm-slim AS two
RUN set -eux; \
    curl -fsSLo tool.tgz https://example.com/tool/1.4.2/tool-linux.tar.gz; \
    echo "5f4dcc3b5aa765d61d8327deb882cf99b8a8f6c2a1e5d3c7b9f0e4a6d2c8b1f3  tool.tgz" | sha256sum -c -; \
    echo "9a8b7c6d5e4f30211f2e3d4c5b6a79880f1e2d3c4b5a69788796a5b4c3d2e1f09a8b7c6d5e4f30211f2e3d4c5b6a79880f1e2d3c4b5a69788796a5b4c3d2e1f0  tool.tgz" | sha512sum -c -; \
    tar -xzf tool.tgz -C /usr/local/bin; rm tool.tgz

FROM debian:bookworm-slim
ADD --checksum=sha256:0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7 https://example.com/tool/1.4.2/tool-linux-arm64.tar.gz /tmp/

# The same file over plain HTTP: one URL for this rule (the scheme is not compared; ST2003 is about it)
FROM debian:bookworm-slim AS mirror
RUN set -eux; \
    curl -fsSLo tool.tgz http://example.com/tool/1.4.2/tool-linux.tar.gz; \
    echo "5f4dcc3b5aa765d61d8327deb882cf99b8a8f6c2a1e5d3c7b9f0e4a6d2c8b1f3  tool.tgz" | sha256sum -c -
