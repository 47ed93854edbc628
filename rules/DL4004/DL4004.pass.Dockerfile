# One ENTRYPOINT per stage.
FROM alpine:3.20 AS tools
ENTRYPOINT ["/bin/sh"]

FROM alpine:3.20
ONBUILD ENTRYPOINT ["/bin/true"]
ENTRYPOINT ["/usr/local/bin/app"]
