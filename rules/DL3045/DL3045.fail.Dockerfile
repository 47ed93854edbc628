FROM debian:12.5 AS base
# No WORKDIR yet in this stage.
COPY app.conf conf/app.conf
WORKDIR /srv

FROM debian:12.5
# The WORKDIR of the stage above is not inherited: this stage is built on debian, not on base.
COPY package.json .
# Quoted, still relative.
COPY start.sh "bin/start.sh"
# A variable whose value is relative.
ENV DEST=lib
COPY lib.so $DEST
