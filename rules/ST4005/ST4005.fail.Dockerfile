# One tool release verified in three stages; the last stage pins another checksum.
FROM debian:bookworm-slim AS build-amd64
ENV TOOL_VERSION=1.4.2
ENV TOOL_SHA256=5f4dcc3b5aa765d61d8327deb882cf99b8a8f6c2a1e5d3c7b9f0e4a6d2c8b1f3
RUN set -eux; \
    curl -fsSLo tool.tgz "https://example.com/tool/${TOOL_VERSION}/tool-linux.tar.gz"; \
    echo "$TOOL_SHA256 *tool.tgz" | sha256sum -c -; \
    tar -xzf tool.tgz -C /usr/local/bin; rm tool.tgz

FROM debian:bookworm-slim AS build-test
RUN set -eux; \
    curl -fsSLo tool.tgz https://example.com/tool/1.4.2/tool-linux.tar.gz; \
    echo "5f4dcc3b5aa765d61d8327deb882cf99b8a8f6c2a1e5d3c7b9f0e4a6d2c8b1f3  tool.tgz" | sha256sum -c -; \
    tar -xzf tool.tgz -C /usr/local/bin; rm tool.tgz

FROM debian:bookworm-slim
ARG TOOL_SHA256=0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7
RUN set -eux; \
    curl -fsSLo tool.tgz https://example.com/tool/1.4.2/tool-linux.tar.gz; \
    echo "$TOOL_SHA256  tool.tgz" | sha256sum -c -; \
    tar -xzf tool.tgz -C /usr/local/bin; rm tool.tgz
