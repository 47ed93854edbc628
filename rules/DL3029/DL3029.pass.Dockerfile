# The builder's platform, in each form of substitution.
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
FROM --platform="${BUILDPLATFORM}" golang:1.22 AS build2
FROM --platform=${BUILDPLATFORM:-linux/amd64} golang:1.22 AS build3
# The target platform (redundant, DL3065's case, but not a constant).
FROM --platform=$TARGETPLATFORM debian:12.5 AS runtime
# No --platform.
FROM alpine:3.20
