FROM debian:12.5 AS build
# no pipe: && and || are not pipes
RUN wget -O - https://example.com/x && wc -l file > /number || true
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN wget -O - https://example.com/x | wc -l > /number
FROM debian:12.5 AS zsh
SHELL ["/usr/local/bin/zsh", "-o", "errexit", "-o", "pipefail", "-c"]
RUN dpkg -l | grep -c ii
FROM mcr.microsoft.com/powershell:lts-debian-12
# PowerShell pipes objects: the rule does not apply
SHELL ["pwsh", "-c"]
RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value
