# syntax=docker/dockerfile:1
# escape=\
# Global ARGs may come before FROM, and so may comments.
ARG BASE=debian:12.5
ARG VERSION

FROM $BASE
LABEL org.opencontainers.image.version=$VERSION
ENV LANG=C.UTF-8
ARG LATE=1
FROM $BASE AS second
RUN echo fine
