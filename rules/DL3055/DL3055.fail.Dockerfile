FROM debian:12.5
# The schema (.config.yaml beside this file) wants org.opencontainers.image.revision to be of type hash.
LABEL org.opencontainers.image.revision="v1.2.3"
# A build argument's value is checked after substitution.
ARG VALUE="v1.2.3"
LABEL org.opencontainers.image.revision=$VALUE
