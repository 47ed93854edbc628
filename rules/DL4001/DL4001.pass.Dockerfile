FROM debian:12.5 AS fetch
# installing both packages is not using them
RUN apt-get update && apt-get install -y --no-install-recommends curl wget
RUN wget -q https://example.com/a.tar.gz

FROM debian:12.5
# a new stage forgets the wget above
RUN curl -fsSLO https://example.com/b.tar.gz
RUN echo wget curl
