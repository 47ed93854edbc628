FROM debian:12.5
# the simplest case
RUN cd /opt
# cd after && (reported at the first cd only)
RUN mkdir -p /src && cd /src && make && cd /
# cd inside a subshell
RUN (cd /usr/src/app && make install)
# behind the builtin wrapper
RUN builtin cd /tmp && ls
