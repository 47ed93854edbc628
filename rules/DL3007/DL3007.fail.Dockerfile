# A global ARG default is substituted in FROM (used below).
ARG TAG=latest

# Each FROM below uses the latest tag without a digest.
FROM ubuntu:latest
RUN echo building

# A registry with a port: the tag is after the last slash.
from registry.example.com:5000/team/builder:latest AS build

# The tag comes from the global ARG: this is FROM debian:latest.
FROM debian:${TAG}
