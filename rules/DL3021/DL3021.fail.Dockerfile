FROM debian:12.5
ENV CONF_DIR=/etc/app
# Two sources, destination without a trailing slash.
COPY app.conf logging.conf /etc/app
# A relative destination, same problem.
COPY a.txt b.txt data
# The destination's value does not end in a slash either.
COPY one.conf two.conf $CONF_DIR
# Exec form.
COPY ["a.sh", "b.sh", "/usr/local/bin"]
