FROM golang:1.22 AS build-server
RUN go build ./cmd/server
FROM node:20 AS build-ui
RUN npm ci
# Unnamed stages never clash.
FROM alpine:3.20
FROM alpine:3.20
# A stage built on an earlier one takes a new name.
FROM build-ui AS test-ui
