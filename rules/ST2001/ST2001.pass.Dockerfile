FROM debian:12-slim
ARG TOOL_VERSION=1.2.3
ARG TOOL_SHA256=9f2c4e1b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e
# Checked with sha256sum -c in the same RUN.
RUN set -eux; \
    curl -fsSLo /tmp/tool.tar.gz "https://example.com/tool/${TOOL_VERSION}/tool.tar.gz"; \
    echo "${TOOL_SHA256}  /tmp/tool.tar.gz" | sha256sum -c -; \
    tar -xzf /tmp/tool.tar.gz -C /usr/local/bin
# Checked with a detached signature.
RUN wget -O tool.tar.xz https://example.com/tool.tar.xz \
 && wget -O tool.tar.xz.asc https://example.com/tool.tar.xz.asc \
 && gpg --batch --verify tool.tar.xz.asc tool.tar.xz
# ADD with --checksum is verified by the builder.
ADD --checksum=sha256:9f2c4e1b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e https://example.com/tool/1.2.3/tool.tar.gz /tmp/
# Not downloads: a package named curl, and curl --version.
RUN apt-get update && apt-get install -y --no-install-recommends curl && curl --version
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS windows
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Invoke-WebRequest -Uri 'https://example.com/tool-setup.exe' -OutFile 'tool-setup.exe'; \
    if ((Get-FileHash 'tool-setup.exe' -Algorithm sha256).Hash -ne $env:TOOL_SHA256) { exit 1 }; \
    Start-Process tool-setup.exe -Wait -ArgumentList '/quiet'
FROM alpine:3.20
# A checksum file downloaded next to the archive, checked with sha256sum -c.
RUN wget https://example.com/tool.tgz https://example.com/tool.tgz.sha256 \
 && sha256sum -c tool.tgz.sha256
