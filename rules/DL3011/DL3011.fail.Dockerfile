FROM debian:12.5
# One digit too many.
EXPOSE 80 80800
# The upper bound of the range is out of range.
EXPOSE 40000-80000/tcp
# The ARG default is substituted.
ARG DEBUG_PORT=99999
EXPOSE ${DEBUG_PORT}/udp
