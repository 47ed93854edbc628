FROM opensuse/leap:15.5
RUN zypper -n update && zypper clean
RUN zypper -n patch && zypper clean
# a package named dup is not the subcommand
RUN zypper -n install dup=1.0 && zypper clean
RUN echo zypper dup
