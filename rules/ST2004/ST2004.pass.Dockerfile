FROM debian:12-slim
ARG INSTALL_SHA256=9f2c4e1b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e
# Downloaded to a file, verified, then run.
RUN curl -fsSLo /tmp/install.sh https://example.com/install-1.2.3.sh \
 && echo "${INSTALL_SHA256}  /tmp/install.sh" | sha256sum -c - \
 && sh /tmp/install.sh
# Piped into a program that does not run it.
RUN curl -fsSL https://example.com/keys/release.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg
RUN curl -fsSL https://example.com/tool-1.2.3.tar.gz | tar -xz -C /usr/local/bin
