FROM debian:12.5
# Pinned versions, also with wildcards and epochs.
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 git=1:2.39.* \
 && rm -rf /var/lib/apt/lists/*

# Local package files and release selectors.
RUN apt-get install -y ./tool_1.0_amd64.deb /tmp/other.deb vendor.deb
RUN apt-get install -y --no-install-recommends curl/bookworm-backports

# The -t value is not a package.
RUN apt-get install -y --no-install-recommends -t bookworm-backports openjdk-17-jdk-headless=17.0.11+9-1~deb12u1

# Not apt-get install: other subcommands, apt (DL3027), words in echo.
RUN apt-get remove -y curl && apt-get purge -y git && echo apt-get install curl
RUN apt-cache policy curl

# A simulation installs nothing.
RUN if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo available; fi

# A variable whose packages are all pinned (ENV values are known too).
ENV TOOL_VERSION=7.88.1-10+deb12u5
RUN deps="curl=${TOOL_VERSION} libcurl4=${TOOL_VERSION}"; apt-get install -y --no-install-recommends $deps
