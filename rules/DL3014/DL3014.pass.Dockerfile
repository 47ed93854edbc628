FROM debian:12.5
# Every spelling of yes, before or after the subcommand.
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5
RUN apt-get -yq install --no-install-recommends curl=7.88.1-10+deb12u5
RUN apt-get --yes install --no-install-recommends curl=7.88.1-10+deb12u5
RUN apt-get --assume-yes install --no-install-recommends curl=7.88.1-10+deb12u5

# Quiet level 2 implies yes.
RUN apt-get install -qq --no-install-recommends curl=7.88.1-10+deb12u5
RUN apt-get install -q -q --no-install-recommends curl=7.88.1-10+deb12u5
RUN apt-get install -q=2 --no-install-recommends curl=7.88.1-10+deb12u5
RUN apt-get install --quiet --quiet --no-install-recommends curl=7.88.1-10+deb12u5

# apt's configuration item behind -y.
RUN apt-get -o APT::Get::Assume-Yes=true install --no-install-recommends curl=7.88.1-10+deb12u5

# Other subcommands never prompt in a way this rule covers.
RUN apt-get update && apt-get clean

# A simulation installs nothing.
RUN if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo available; fi
