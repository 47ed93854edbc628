FROM debian:12.5 AS base
LABEL org.opencontainers.image.version="1.2.0"
# Inherited from the stage it is built on.
FROM base AS app
# A stage only copied from is not an image that is run.
FROM golang:1.22 AS build
RUN go version
FROM app
COPY --from=build /usr/local/go/bin/go /usr/local/bin/go
