FROM debian:12.5
# installing sudo names it as a package
RUN apt-get update && apt-get install -y --no-install-recommends sudo
# sudo as an argument, and a program whose name contains it
RUN echo sudo > /tmp/x && visudo -c
USER app
