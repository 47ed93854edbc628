FROM debian:12.5 AS build
# a pipe with the default /bin/sh
RUN wget -O - https://example.com/x | wc -l > /number
# sh cannot set pipefail, whatever its options say
SHELL ["/bin/sh", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/a | sha256sum
# the SHELL above does not reach this stage
FROM debian:12.5
RUN dpkg -l | grep -c ii
# a heredoc script with a pipe
RUN <<EOF
set -e
find / -name '*.pyc' | xargs rm -f
EOF
