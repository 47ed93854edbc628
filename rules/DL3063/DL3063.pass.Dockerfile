# The scratch image itself.
FROM scratch
# Names that only contain the words.
FROM golang:1.22 AS scratch-base
FROM debian:12.5 AS build-context
