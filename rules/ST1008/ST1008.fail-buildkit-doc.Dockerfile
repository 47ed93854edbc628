FROM alpine:3.20
MAINTAINER moby@example.com
