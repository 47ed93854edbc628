# The builder's platform is not the default.
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
# A value built from the target platform.
FROM --platform=${TARGETPLATFORM:-linux/amd64} debian:12.5
# Other platforms (DL3029's case) and no flag.
FROM --platform=linux/arm64 alpine:3.20
FROM alpine:3.20
