FROM debian:12.5
# APP_BIN gets the APP_HOME of before this ENV (none), not /opt/app.
ENV APP_HOME=/opt/app APP_BIN=${APP_HOME}/bin
# The bare form, inside double quotes.
ENV NAME=tool LOG="/var/log/$NAME.log"
# The same name twice: the second value sees the PATH of before the ENV.
ENV PATH=/opt/a:${PATH} PATH=/opt/b:${PATH}
