FROM alpine:3.19
# No version: curl and git are reported, each at its word.
RUN apk add --no-cache curl git=2.43.0-r0

# The --virtual value names the group, the packages after it are not pinned.
RUN apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.4_git20230717-r4

# Global options before add, and through sudo.
RUN sudo apk --no-cache add bash

# An ONBUILD trigger is checked too.
ONBUILD RUN apk add --no-cache make

# An ENV value holds unpinned packages: reported once, at the variable.
ENV RUN_DEPS="bash tzdata=2024a-r0 zlib"
RUN apk add --no-cache ${RUN_DEPS}
