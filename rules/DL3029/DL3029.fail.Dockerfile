ARG ARCH_PLATFORM=linux/arm64
# A constant platform.
FROM --platform=linux/amd64 golang:1.22 AS build
# Quoted, still a constant.
FROM --platform="linux/arm/v7" debian:12.5
# A variable of the file's own, not the build's platform.
FROM --platform=$ARCH_PLATFORM alpine:3.20
