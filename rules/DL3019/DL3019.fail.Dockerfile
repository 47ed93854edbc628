FROM alpine:3.19
# No --no-cache.
RUN apk add curl=8.5.0-r0

# --update keeps the index in /var/cache/apk.
RUN apk update && apk add --update git=2.43.0-r0

# A cache mount on another directory does not help.
RUN --mount=type=cache,target=/var/cache/foo apk add -U make=4.4.1-r2

# An ONBUILD trigger is checked too.
ONBUILD RUN apk add jq=1.7.1-r0
