FROM alpine:3.20
maintainer moby@example.com
