FROM debian:12.5
# The schema (.config.yaml beside this file) wants org.opencontainers.image.licenses to be of type spdx.
LABEL org.opencontainers.image.licenses="Apache License 2.0"
# A build argument's value is checked after substitution.
ARG VALUE="Apache License 2.0"
LABEL org.opencontainers.image.licenses=$VALUE
