FROM debian:12-slim
# No progress setting.
RUN wget https://example.com/tool-1.2.3.tar.gz
# -O names the output document, not the log.
RUN wget -O /tmp/app.tgz https://example.com/app-2.0.tgz && tar -xzf /tmp/app.tgz -C /opt
# Wrappers do not hide the command.
RUN env LANG=C /usr/bin/wget --tries=3 https://example.com/data.bin
# A trigger runs in the builds of child images.
ONBUILD RUN wget https://example.com/plugin.jar
