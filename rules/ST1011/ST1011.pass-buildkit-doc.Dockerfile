FROM alpine:3.20 AS base
ARG foo
COPY $foo .
