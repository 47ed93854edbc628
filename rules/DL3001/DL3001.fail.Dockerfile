FROM debian:12.5
# service: there is no init system in a build step
RUN service nginx start
# top after &&: flagged once for the RUN, at top
RUN apt-get update && top -b -n 1
# a wrapper in front does not hide the program
RUN env TERM=xterm vim -c ':q' /etc/hosts
# ps inside a command substitution
RUN echo "$(ps aux)" > /tmp/processes
# the trigger of an ONBUILD runs in a later build, flagged as well
ONBUILD RUN kill -HUP 1
