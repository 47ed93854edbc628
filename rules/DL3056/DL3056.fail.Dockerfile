FROM debian:12.5
# The schema (.config.yaml beside this file) wants org.opencontainers.image.version to be of type semver.
LABEL org.opencontainers.image.version="v1.2"
# A build argument's value is checked after substitution.
ARG VALUE="v1.2"
LABEL org.opencontainers.image.version=$VALUE
