ARG TAG=latest
ARG VARIANT
FROM busybox:${TAG}
FROM busybox:stable${VARIANT}
FROM alpine:${NOPE:-3.20}
