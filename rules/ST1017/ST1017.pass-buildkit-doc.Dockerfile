FROM --platform=${BUILDPLATFORM} alpine:3.20 AS base
RUN apk add --no-cache git
