FROM nginx:1.27 AS web
WORKDIR /usr/share/nginx
COPY public html

FROM web
WORKDIR html

FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS win
ENV GOPATH=C:\\go
WORKDIR $GOPATH
