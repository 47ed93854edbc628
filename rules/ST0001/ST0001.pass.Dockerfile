# syntax=docker/dockerfile:1
# escape=\
FROM alpine:3.20 AS base
# A comment inside a continuation is dropped, as BuildKit does.
RUN apk add --no-cache \
# curl is needed by the healthcheck
      curl \
      ca-certificates
ENV APP_HOME=/srv/app APP_USER="app user"
ENV LEGACY value with spaces
LABEL org.opencontainers.image.title="demo"
COPY --chown=app:app --chmod=0644 ./config /etc/app/
COPY <<EOF /etc/motd
hello
EOF
RUN <<-SCRIPT
	set -eu
	echo "heredoc body"
	SCRIPT
CMD ["sh", "-c", "echo ok"]
HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1
ONBUILD RUN echo child
