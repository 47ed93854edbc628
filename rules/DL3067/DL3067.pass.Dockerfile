FROM golang:1.22 AS build
RUN go build -o /out/app ./...

FROM debian:12.5
# Only what is needed.
COPY --from=build /out/app /usr/local/bin/app
# A directory to the root, and the root to a subdirectory.
COPY --from=build /out /
COPY --from=build / /rootfs
# Without --from: the build context.
COPY / /
