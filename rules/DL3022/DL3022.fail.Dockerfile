FROM golang:1.22 AS build
RUN go build -o /out/app ./...

FROM debian:12.5
# A typo in the stage name.
COPY --from=biuld /out/app /usr/local/bin/app
# A stage defined further down is not known yet.
COPY --from=assets /srv/static /srv/static
# An index beyond the stages defined so far (0 and 1 exist here).
COPY --from=2 /x /x
# An image name without a tag is not told apart from a misspelt stage.
COPY --from=alpine /etc/alpine-release /etc/
# The ARG's value names no stage.
ARG SOURCE_STAGE=builder
COPY --from=${SOURCE_STAGE} /out/app /opt/app

FROM node:20 AS assets
