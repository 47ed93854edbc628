FROM debian:12-slim
ARG TOOL_VERSION=1.2.3
# Downloaded and run with no checksum or signature check.
RUN set -eux; \
    curl -fsSLo /tmp/tool.tar.gz "https://example.com/tool/${TOOL_VERSION}/tool.tar.gz"; \
    tar -xzf /tmp/tool.tar.gz -C /usr/local/bin
RUN wget -q https://example.com/install.sh && sh install.sh
# ADD fetches the URL itself; without --checksum nothing checks it.
ADD https://example.com/tool/1.2.3/tool.tar.gz /tmp/
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS windows
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Invoke-WebRequest -Uri 'https://example.com/tool-setup.exe' -OutFile 'tool-setup.exe'; \
    Start-Process tool-setup.exe -Wait -ArgumentList '/quiet'
