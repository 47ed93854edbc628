FROM alpine:3.19
# --no-cache after or before the subcommand.
RUN apk add --no-cache curl=8.5.0-r0
RUN apk --no-cache add git=2.43.0-r0

# A cache or tmpfs mount on apk's cache directory.
RUN --mount=type=cache,target=/var/cache/apk apk add -U make=4.4.1-r2
RUN --mount=type=tmpfs,target=/var/cache/apk apk add jq=1.7.1-r0

# Not apk add.
RUN apk del curl && apk info && echo apk add curl

# No index is fetched without the network.
RUN apk add --no-network --virtual .rundeps so:libz.so.1
