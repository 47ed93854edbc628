FROM alpine:3.20
ENV DEPS \
    curl \
    git
LABEL maintainer moby@example.com
