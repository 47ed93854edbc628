FROM --platform=${TARGETPLATFORM} alpine:3.20 AS builder
