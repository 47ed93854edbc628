FROM debian:12.5
# No version: both packages are reported, each at its word.
RUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2.39.2-1.1

# Options before the subcommand, and through sudo: python3 is unpinned.
RUN sudo apt-get -y -o Dpkg::Options::=--force-confold install --no-install-recommends python3

# The value of -t is skipped, the package after it is not pinned.
RUN apt-get install -y --no-install-recommends -t bookworm-backports \
      openjdk-17-jdk-headless

# An ONBUILD trigger is checked too.
ONBUILD RUN apt-get install -y --no-install-recommends make

# A variable set in the RUN holds an unpinned package: reported once, at the variable.
RUN deps="ca-certificates wget=1.21.3-1+b2"; apt-get install -y --no-install-recommends $deps
