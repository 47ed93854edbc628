FROM debian:12-slim
ARG A_SHA256=9f2c4e1b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e
# Two downloads, one check: the check names a.tar.gz, so b.tar.gz is not verified.
RUN set -eux; \
    curl -fsSLo a.tar.gz https://example.com/a.tar.gz; \
    curl -fsSLO https://example.com/b.tar.gz; \
    echo "${A_SHA256} *a.tar.gz" | sha256sum -c -; \
    tar -xzf a.tar.gz && tar -xzf b.tar.gz
# Inside a heredoc and an if: still read.
RUN <<EOF
if [ ! -x /usr/local/bin/tool ]; then
  wget -O /usr/local/bin/tool "https://example.com/tool"
  chmod +x /usr/local/bin/tool
fi
EOF
