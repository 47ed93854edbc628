FROM debian:12.5
RUN apt-get update && apt-get install -y --no-install-recommends curl
# the RUN before chains commands
RUN curl --version
WORKDIR /app
# an instruction in between
RUN ./configure
# different flags
RUN --mount=type=secret,id=token ./fetch
RUN --mount=type=secret,id=other ./fetch
# a heredoc with two commands is chained
RUN <<EOF
make
make install
EOF
