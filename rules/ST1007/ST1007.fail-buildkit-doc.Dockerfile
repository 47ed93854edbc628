FROM alpine:3.20
ENTRYPOINT my-program start
