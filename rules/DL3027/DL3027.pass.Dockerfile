FROM debian:12.5
# The scripting tools of the apt family.
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \
 && rm -rf /var/lib/apt/lists/*
RUN apt-cache policy curl && apt-mark hold curl && apt-config dump

# apt as a word, not as a program.
RUN echo apt install curl && ls /etc/apt && grep apt /etc/os-release
