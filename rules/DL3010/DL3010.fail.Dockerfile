FROM debian:12.5
# copied into a directory, then extracted with tar -x
COPY packaged-app.tar /usr/src/app/
RUN tar -xf /usr/src/app/packaged-app.tar -C /usr/src/app
# the destination names the archive: that name is the one extracted
COPY dist/release.tgz /tmp/app.tgz
RUN mkdir -p /opt/app && tar --extract --gzip --file /tmp/app.tgz -C /opt/app
# one COPY, two archives, one decompressed by gunzip
COPY data.csv dump.sql.gz /srv/
RUN gunzip /srv/dump.sql.gz
# Windows paths: matched by the last segment
COPY build\bundle.tar.gz "C:\Program Files\Foo"
RUN tar -xf "C:\Program Files\Foo\bundle.tar.gz"
