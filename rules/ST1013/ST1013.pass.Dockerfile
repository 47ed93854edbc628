FROM alpine:3.20
ENV DEPS="\
    curl \
    git"
LABEL org.opencontainers.image.authors=moby@example.com
