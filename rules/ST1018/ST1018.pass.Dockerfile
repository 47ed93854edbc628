FROM scratch
COPY keep/notes.txt /
COPY --from=alpine:3.20 /etc/os-release /
ADD https://example.com/app.tar.gz /
