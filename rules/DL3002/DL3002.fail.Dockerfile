# The last USER of the first stage is root.
FROM debian:12.5 AS build
USER app
RUN make
USER root

# root by UID, with a group.
FROM debian:12.5
USER 0:0
