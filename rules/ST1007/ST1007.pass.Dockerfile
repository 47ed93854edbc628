FROM alpine:3.20 AS base
RUN apk add --no-cache bash
SHELL ["/bin/bash", "-c"]
ENTRYPOINT echo "hello world"

FROM base
CMD echo inherited shell
