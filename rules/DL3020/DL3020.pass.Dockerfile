FROM debian:12.5
ARG RELEASE=1.4.2
ARG SOURCE
# Archives that ADD unpacks.
ADD rootfs.tar /
ADD app.tar.gz /opt/app/
ADD "data.tgz" /srv/
ADD libs.tar.xz libs.tar.bz2 /usr/lib/extra/
# URLs and git repositories.
ADD https://example.com/tool-1.0.tar.gz /tmp/
ADD "http://example.com/file" /tmp/file
ADD git@github.com:example/project.git /src/project
# A variable whose value is an archive, and one whose value comes from the build.
ADD release-${RELEASE}.tgz /opt/
ADD $SOURCE /opt/
# COPY is the right instruction for plain files.
COPY app.conf /etc/app/
