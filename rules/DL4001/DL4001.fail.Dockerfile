FROM debian:12.5 AS fetch
RUN wget -q https://example.com/a.tar.gz
# curl in the same stage as the wget above
RUN curl -fsSLO https://example.com/b.tar.gz
# wget again: the stage has used both
RUN wget -q https://example.com/c.tar.gz

FROM debian:12.5
# both in one RUN: reported at curl, which completes the pair
RUN wget -q https://example.com/d && curl -fsSLO https://example.com/e
# ONBUILD triggers form a set of their own
ONBUILD RUN curl -fsSLO https://example.com/f
ONBUILD RUN wget -q https://example.com/g
