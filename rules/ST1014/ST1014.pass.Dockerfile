FROM --platform=$BUILDPLATFORM alpine:3.20 AS builder
