FROM debian:12.5
LABEL org.opencontainers.image.version="1.2.0" maintainer="jane@example.com"
# Labels outside the schema may be empty.
LABEL other=""
