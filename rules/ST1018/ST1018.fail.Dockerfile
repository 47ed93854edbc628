FROM scratch
COPY secrets.txt /
ADD build/app /usr/local/bin/app
COPY docs/README.md keep/*.txt /
