FROM --platform=linux/amd64 alpine:3.20 AS build_amd64
FROM --platform=linux/arm64 alpine:3.20 AS build_arm64
FROM build_${TARGETARCH} AS build
