FROM debian:12.5
# No -y at all.
RUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u5

# A single -q (quiet level 1) does not answer yes.
RUN apt-get -q install --no-install-recommends git=1:2.39.2-1.1

# --quiet once is level 1 too.
RUN apt-get install --quiet --no-install-recommends make=4.3-4.1

# An ONBUILD trigger is checked too.
ONBUILD RUN apt-get install --no-install-recommends jq=1.6-2.1
