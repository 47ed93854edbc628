FROM debian:12.5
# Both labels are in the schema; both are empty.
LABEL org.opencontainers.image.version="" maintainer=
# A build argument without a default is empty at build time unless given.
ARG VERSION=
LABEL org.opencontainers.image.version=$VERSION
