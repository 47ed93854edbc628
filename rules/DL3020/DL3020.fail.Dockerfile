FROM debian:12.5
# A plain file.
ADD app.conf /etc/app/
# A folder.
ADD ./static /srv/static
# A zip is not unpacked by ADD: flagged at the first local non-archive source only.
ADD tools.tgz bundle.zip notes.txt /opt/
# Quoted, still a local file.
ADD "settings.json" /etc/app/settings.json
# Exec form.
ADD ["entrypoint.sh", "/usr/local/bin/"]
