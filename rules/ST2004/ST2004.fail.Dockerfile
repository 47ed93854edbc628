FROM debian:12-slim
RUN curl -fsSL https://example.com/install.sh | sh
RUN wget -qO- https://example.com/setup | tee /tmp/setup.log | bash -s -- --yes
RUN sh -c "$(curl -fsSL https://example.com/install.sh)"
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN iwr https://example.com/install.ps1 -UseBasicParsing | iex
RUN iex ((New-Object System.Net.WebClient).DownloadString('https://example.com/install.ps1'))
