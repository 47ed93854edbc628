FROM debian:12.5
EXPOSE 80 443/tcp 65535/udp
EXPOSE 40000-60000/tcp
# A port only known at build time.
ARG PORT
EXPOSE ${PORT}
EXPOSE 40000-${PORT}
