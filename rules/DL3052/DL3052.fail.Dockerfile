FROM debian:12.5
# The schema (.config.yaml beside this file) wants org.opencontainers.image.url to be of type url.
LABEL org.opencontainers.image.url="example.com/project"
# A build argument's value is checked after substitution.
ARG VALUE="example.com/project"
LABEL org.opencontainers.image.url=$VALUE
