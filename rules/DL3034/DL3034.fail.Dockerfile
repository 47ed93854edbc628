FROM opensuse/leap:15.5
# flagged: install asks for confirmation
RUN zypper install curl=8.0.1 && zypper clean
# flagged: the short forms too
RUN zypper in curl=8.0.1 && zypper rm vim
# flagged: a patch run asks too
RUN zypper --quiet patch
# flagged: in a trigger
ONBUILD RUN zypper source-install curl
