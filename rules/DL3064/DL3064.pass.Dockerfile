ARG VERSION=1.0
FROM debian:12.5
# Values are not read.
ENV MODE=secret
ARG BUILD_USER=builder
ONBUILD ENV LANG=C.UTF-8
# Secrets through a mount.
RUN --mount=type=secret,id=token cat /run/secrets/token > /dev/null
