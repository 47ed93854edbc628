# check=error=maybe
FROM alpine:3.20
