FROM golang:1.22 AS build
RUN go build ./cmd/server

# The name of the first stage again.
FROM node:20 AS build
RUN npm ci

# Names are compared without case.
FROM alpine:3.20 as Build
