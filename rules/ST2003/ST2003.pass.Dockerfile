FROM debian:12-slim
ARG TOOL_SHA256=9f2c4e1b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e
RUN curl -fsSLo tool.tgz https://example.com/tool-1.2.3.tgz && tar -xzf tool.tgz
# Plain HTTP, but the file's checksum is checked before use.
RUN curl -fsSLo x.tgz http://example.com/x-1.0.tgz && echo "${TOOL_SHA256}  x.tgz" | sha256sum -c -
# A local health endpoint is not a download from the network.
RUN curl -fsS -o /dev/null http://localhost:8080/health || true
# -K is curl's config file option, not -k.
RUN curl -fsSL -K /etc/curlrc -o y.tgz https://example.com/y-1.0.tgz
# Run on the spot over plain HTTP: ST2004 (pipe-to-shell) reports it alone.
RUN curl -fsSL http://example.com/install.sh | sh
