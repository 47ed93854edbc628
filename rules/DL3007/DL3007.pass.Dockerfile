# A release tag.
FROM ubuntu:24.04
# latest, but pinned by digest: the digest decides what is pulled.
FROM ubuntu:latest@sha256:3f85b7caad41a95462cf5b787d8a04604c8262cdcdf9a472b8c52ef83375fe15
# A registry port is not a tag (no tag at all is DL3006's case, not this rule's).
FROM registry.example.com:5000/team/builder
# A stage named latest is not a tag.
FROM alpine:3.20 AS latest
