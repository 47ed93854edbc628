FROM debian:12.5
# apt runs twice: each command is reported at its apt word.
RUN apt update && apt install -y --no-install-recommends curl=7.88.1-10+deb12u5

# Through a wrapper, and by its path.
RUN sudo apt upgrade -y && /usr/bin/apt autoremove -y

# An ONBUILD trigger is checked too.
ONBUILD RUN apt list --installed
