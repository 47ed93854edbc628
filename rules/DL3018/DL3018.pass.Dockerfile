FROM alpine:3.19
# Every constraint form pins.
RUN apk add --no-cache curl=8.5.0-r0 git~2.43 'openssl>3.1' 'zlib<1.4'

# Repositories, virtual names and package files.
RUN apk add --no-cache --repository https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0
RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing -t .deps flow=0.78.0-r0
RUN apk add --no-cache --allow-untrusted ./local-1.0.apk /tmp/other.apk mypackage-1.1.1.apk

# Not apk add.
RUN apk del .deps && apk info curl && echo apk add curl

# A variable whose packages are all pinned.
RUN runDeps="libssl3=3.1.4-r5 zlib~1.3"; apk add --no-cache --virtual .rundeps $runDeps
