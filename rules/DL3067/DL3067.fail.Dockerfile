FROM golang:1.22 AS build
RUN go build -o /out/app ./...

FROM debian:12.5
# The whole file system of the build stage over this one.
COPY --from=build / /
# Quoted.
COPY --from=build "/" "/"
# The root among other sources, from an image.
COPY --from=busybox:1.36 /bin/busybox / /
