FROM debian:12-slim
RUN curl -fsSLo tool.tgz http://example.com/tool-1.2.3.tgz && tar -xzf tool.tgz
RUN curl -fsSLk -o agent.tgz https://example.com/agent-2.0.tgz
RUN wget --no-check-certificate -O x.zip https://example.com/x-1.0.zip
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Invoke-WebRequest -Uri https://example.com/a-1.0.zip -OutFile a.zip -SkipCertificateCheck
