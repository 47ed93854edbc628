FROM debian:12.5
# The schema (.config.yaml beside this file) wants maintainer to be of type email.
LABEL maintainer="Jane Doe"
# A build argument's value is checked after substitution.
ARG VALUE="Jane Doe"
LABEL maintainer=$VALUE
