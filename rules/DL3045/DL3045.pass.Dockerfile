FROM debian:12.5 AS base
# Absolute destinations.
COPY app.conf /etc/app/app.conf
COPY start.sh "/usr/local/bin/start.sh"
COPY tool.exe C:\tools\tool.exe
COPY tool.exe c:/tools/tool.exe
# A variable without a known value, and one whose value is absolute.
COPY data ${DATA_DIR}
ENV APP_HOME=/opt/app
COPY app.jar $APP_HOME
WORKDIR /srv
# After WORKDIR.
COPY package.json .

# Built on base, which set a WORKDIR; so is a stage built on this one.
FROM base AS test
COPY test.sh .
FROM test
COPY more.sh .
# ONBUILD triggers are not checked.
ONBUILD COPY . .
