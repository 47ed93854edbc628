FROM debian:12.5
WORKDIR /opt
# cd as an argument
RUN echo cd && apt-get install -y cd-discid
# a program whose name starts with cd
RUN cdrecord --version || true
# ONBUILD triggers are not checked by this rule
ONBUILD RUN cd /app && make
