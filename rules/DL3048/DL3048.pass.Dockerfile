FROM debian:12.5
LABEL org.opencontainers.image.title="tool" maintainer="jane@example.com" version2="1"
# Keys given by a build argument are checked after substitution.
ARG KEY=org.example.build-date
LABEL $KEY="2024-05-01"
