FROM python:3.12-slim
# No version in the URL, no checksum.
RUN curl -fsSLo get-pip.py https://bootstrap.pypa.io/get-pip.py && python get-pip.py
# Moving targets.
RUN wget -O tool.tgz https://example.com/releases/latest/tool.tgz
RUN curl -fsSLO https://raw.githubusercontent.com/example/tool/master/install.sh
ADD https://example.com/tool.git /src/tool
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Invoke-WebRequest -Uri 'https://bootstrap.pypa.io/get-pip.py' -OutFile 'get-pip.py'
