FROM debian:12.5
ENV CONF_DIR=/etc/app/
# One source to a file name.
COPY app.conf /etc/app.conf
# Several sources to a directory.
COPY app.conf logging.conf /etc/app/
COPY a.txt b.txt "data/"
# The variable's value ends in a slash.
COPY one.conf two.conf $CONF_DIR
COPY ["a.sh", "b.sh", "/usr/local/bin/"]
# A Windows directory (the escape character halves the backslashes).
COPY a.dll b.dll C:\\Windows\\System32\\
