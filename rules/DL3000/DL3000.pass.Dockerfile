FROM debian:12.5
WORKDIR /usr/local
WORKDIR "/srv/app"
# Windows drive letters
WORKDIR C:/app
WORKDIR 'C:\app'
# A variable with no value in the file: set at build time
ARG BASE
WORKDIR ${BASE}/app
# A default that is absolute
ARG DIR=/opt/tool
WORKDIR $DIR
