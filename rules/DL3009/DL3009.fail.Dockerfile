FROM debian:12.5 AS base
# A stage a later FROM builds on: its lists are in the final image.
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5

FROM base
# The final stage: apt update and aptitude update count too (one finding per RUN).
RUN apt update && apt-get install -y --no-install-recommends git=1:2.39.2-1.1
RUN aptitude update

# Removing another directory is not removing the lists.
RUN apt-get update && apt-get install -y --no-install-recommends make=4.3-4.1 && rm -rf /tmp/*

# A cache mount on /var/lib/apt alone (without /var/cache/apt) does not exempt it.
RUN --mount=type=cache,target=/var/lib/apt apt-get update

# An ONBUILD trigger runs in the image built from this one.
ONBUILD RUN apt-get update && apt-get install -y --no-install-recommends jq=1.6-2.1
