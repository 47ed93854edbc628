FROM debian:12.5
# The schema (.config.yaml beside this file) wants org.opencontainers.image.created to be of type rfc3339.
LABEL org.opencontainers.image.created="2024-05-01 12:00"
# A build argument's value is checked after substitution.
ARG VALUE="2024-05-01 12:00"
LABEL org.opencontainers.image.created=$VALUE
