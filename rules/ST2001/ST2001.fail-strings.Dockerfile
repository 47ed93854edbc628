# Downloads ST2001 must see through shells, xargs and busybox.
FROM debian:bookworm-slim
RUN sh -c 'curl -fsSLo /tmp/a.tgz https://example.com/a-1.0.tgz && tar -xzf /tmp/a.tgz'
RUN bash -c "wget -O /tmp/b.tgz https://example.com/b-2.0.tgz"
RUN su -c "wget -O /tmp/c.tgz https://example.com/c-3.0.tgz" app
RUN echo https://example.com/d-4.0.tgz | xargs curl -fsSLO
RUN busybox wget -O /tmp/e.tgz https://example.com/e-5.0.tgz
# A key imported as it is served: the signature check of other files does not verify it.
RUN wget -O KEYS https://example.org/dist/tool/KEYS \
 && gpg --batch --import KEYS \
 && wget -O tool-1.2.tar.gz https://example.org/dist/tool/tool-1.2.tar.gz \
 && wget -O tool-1.2.tar.gz.asc https://example.org/dist/tool/tool-1.2.tar.gz.asc \
 && gpg --batch --verify tool-1.2.tar.gz.asc tool-1.2.tar.gz
# Git sources at a tag or a branch: --checksum must name the commit.
ADD https://example.com/opencontainers/runc.git#v1.4.3 /src/runc
ADD https://example.com/containers/dnsname.git /src/dnsname
