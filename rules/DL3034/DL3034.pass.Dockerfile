FROM opensuse/leap:15.5
RUN zypper install -n curl=8.0.1 && zypper clean
RUN zypper --non-interactive install curl=8.0.1 && zypper clean
RUN zypper -n in curl=8.0.1 && zypper -n rm vim
RUN zypper install -y curl=8.0.1 && zypper clean
RUN zypper install --no-confirm curl=8.0.1 && zypper clean
RUN zypper -qn patch
# subcommands that do not ask
RUN zypper refresh && zypper search curl && zypper clean
