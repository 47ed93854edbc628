# hadolint shell=powershell
# hadolint global ignore=DL3003
FROM debian:12.5
# an ordinary comment that mentions hadolint ignore=DL3003 in prose
RUN cd /tmp && echo done
