FROM golang:1.22 AS build
RUN go build -o /out/app ./...

FROM debian:12.5 AS runtime
# An earlier stage, by name and by index.
COPY --from=build /out/app /usr/local/bin/app
COPY --from=0 /out/app /usr/local/bin/app2
# An image.
COPY --from=busybox:1.36 /bin/busybox /bin/busybox
