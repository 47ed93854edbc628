FROM alpine:3.20 AS base
CMD my-program start

FROM base
entrypoint exec my-program
