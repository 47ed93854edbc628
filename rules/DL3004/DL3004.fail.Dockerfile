FROM debian:12.5
# sudo as the command
RUN sudo apt-get update
# sudo after && (one finding for the RUN, at the first sudo)
RUN apt-get update && sudo apt-get install -y curl && sudo rm -rf /var/lib/apt/lists/*
# sudo with its own options
RUN sudo -u app -H make install
# sudo behind the env wrapper
RUN env DEBIAN_FRONTEND=noninteractive sudo apt-get upgrade -y
# the trigger of an ONBUILD runs in a later build, flagged as well
ONBUILD RUN sudo chown -R app /srv
