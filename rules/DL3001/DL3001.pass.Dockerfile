FROM debian:12.5
# package names are operands, not commands
RUN apt-get update && apt-get install -y --no-install-recommends ssh vim procps
# the words appear as arguments only
RUN echo top && grep -c ps /etc/services
# a program whose name only starts like one of them
RUN topgrade --version || true
