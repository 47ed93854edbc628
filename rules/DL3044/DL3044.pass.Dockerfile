FROM debian:12.5
ENV APP_HOME=/opt/app
ENV APP_BIN=${APP_HOME}/bin
# A value refers to its own name.
ENV PATH=/opt/bin:${PATH}
# Longer names that start alike.
ENV BLA=x BLUBB="$BLAFOO/${FOOBLA}"
# An escaped dollar is expanded later, by the entrypoint.
ENV MODE=rw LATER="\${MODE}_extra"
# A name set before.
ARG VERSION=1.0
ENV VERSION=2.0 TAG=v${VERSION}
