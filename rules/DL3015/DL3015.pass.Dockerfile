FROM debian:12.5
# The flag, after or before the subcommand.
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5
RUN apt-get --no-install-recommends -y install curl=7.88.1-10+deb12u5

# apt's configuration item behind the flag.
RUN apt-get -o APT::Install-Recommends=false install -y curl=7.88.1-10+deb12u5
RUN apt-get --option apt::install-recommends=0 install -y curl=7.88.1-10+deb12u5

# Not apt-get install.
RUN apt-get update && apt-get upgrade -y && echo apt-get install curl

# A simulation installs nothing.
RUN if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo available; fi
