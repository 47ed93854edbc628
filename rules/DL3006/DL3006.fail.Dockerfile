# A global ARG default is substituted in FROM (used below).
ARG BASE=debian

# No tag and no digest: the image's latest, whatever that is at build time.
FROM ubuntu AS build
RUN echo building

# A registry port is not a tag.
FROM registry.example.com:5000/team/runtime

# This is FROM debian.
FROM ${BASE}

# A stage named later in the file is not a stage yet: BuildKit pulls the image `later`.
FROM later
FROM alpine:3.20 AS later
