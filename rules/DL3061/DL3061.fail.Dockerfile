# syntax=docker/dockerfile:1
ARG BASE=debian:12.5
# Each instruction below comes before the first FROM.
LABEL org.opencontainers.image.source=https://example.com/repo
ENV LANG=C.UTF-8
ARG SECOND=1
RUN echo too early
FROM $BASE
