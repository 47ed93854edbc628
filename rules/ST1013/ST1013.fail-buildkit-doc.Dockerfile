FROM alpine:3.20
ENV DEPS curl git make
