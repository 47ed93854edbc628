FROM debian:12.5
# Recommends are installed by default.
RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u5

# Options before the subcommand change nothing.
RUN apt-get -y -q install git=1:2.39.2-1.1

# Recommends turned on explicitly is still flagged.
RUN apt-get -o APT::Install-Recommends=true install -y make=4.3-4.1

# An ONBUILD trigger is checked too.
ONBUILD RUN apt-get install -y jq=1.6-2.1
