# Global ARGs: a release, and one without a default (its value comes from the build).
ARG RELEASE=12.5
ARG FLAVOUR
# A release tag.
FROM ubuntu:24.04
# latest, but pinned by digest: the digest decides what is pulled.
FROM ubuntu:latest@sha256:3f85b7caad41a95462cf5b787d8a04604c8262cdcdf9a472b8c52ef83375fe15
# A registry port is not the tag: the tag is after the last slash.
FROM registry.example.com:5000/team/builder:2.1
# A stage named latest is not a tag.
FROM alpine:3.20 AS latest
# A tag from the global ARG default: debian:12.5.
FROM debian:$RELEASE
# A tag without a known value.
FROM debian:bookworm${FLAVOUR}
