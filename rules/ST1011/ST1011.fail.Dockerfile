FROM alpine:3.20 AS base
ENV PATH=$PAHT:/app/bin
ARG VERSION=$foo
COPY $src/a $src/b /app/
