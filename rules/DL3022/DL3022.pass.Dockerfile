FROM golang:1.22 AS build
RUN go build -o /out/app ./...

FROM debian:12.5 AS runtime
# An earlier stage by name, without case.
COPY --from=build /out/app /usr/local/bin/app
COPY --from=BUILD /out/app /usr/local/bin/app2
# By index: 0 is the first stage.
COPY --from=0 /out/app /usr/local/bin/app3
# An image with a tag.
COPY --from=busybox:1.36 /bin/busybox /bin/busybox
# The ARG's value names a stage.
ARG SOURCE_STAGE=build
COPY --from=$SOURCE_STAGE /out/app /opt/app
# A variable without a known value: decided at build time.
ARG EXTERNAL
COPY --from=${EXTERNAL} /x /x
