ARG VARIANT
ARG PINNED=debian:12.5
# A tag.
FROM golang:1.22 AS build
# An earlier stage, by name (compared without case).
FROM build AS test
FROM BUILD
# A digest.
FROM ruby@sha256:3f85b7caad41a95462cf5b787d8a04604c8262cdcdf9a472b8c52ef83375fe15
# The empty image.
FROM scratch
# A variable whose value comes from the build (no default).
FROM ${VARIANT}
# A variable whose default is tagged.
FROM $PINNED
