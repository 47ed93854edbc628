FROM alpine:3.20
EXPOSE \
# the port
80
