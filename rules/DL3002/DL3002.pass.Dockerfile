# Root for the installation, then back to an unprivileged user.
FROM debian:12.5 AS build
USER root
RUN apt-get update
USER 10001:10001

# A stage without USER.
FROM debian:12.5
RUN echo building
# Names that start like root are other users.
USER rootless
