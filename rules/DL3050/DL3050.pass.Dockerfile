FROM debian:12.5
LABEL org.opencontainers.image.version="1.2.0"
