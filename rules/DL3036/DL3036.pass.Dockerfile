FROM opensuse/leap:15.5
RUN zypper -n install curl=8.0.1 && zypper clean
RUN zypper -n install curl=8.0.1 && zypper cc
RUN zypper -n in curl=8.0.1 && zypper -n clean --all
RUN zypper -n in curl=8.0.1 && rm -rf /var/cache/zypp/*
RUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl=8.0.1
# installs nothing
RUN zypper -n refresh
RUN zypper -n rm vim
