FROM debian:12-slim
RUN wget --progress=dot:giga https://example.com/a.tgz && wget -q https://example.com/b.tgz
RUN wget --quiet https://example.com/c.tgz && wget -nv https://example.com/d.tgz && wget --no-verbose https://example.com/e.tgz
# The log goes to a file.
RUN wget -o /tmp/wget.log https://example.com/f.tgz && wget --output-file=/tmp/w.log https://example.com/g.tgz
RUN wget -a /tmp/wget.log https://example.com/h.tgz && wget --append-output=/tmp/w.log https://example.com/i.tgz
# A group of short options that holds -q.
RUN wget -qO- https://example.com/key.asc > /etc/apt/keyrings/example.asc
