FROM opensuse/leap:15.5
# flagged: no clean after the install
RUN zypper -n install curl=8.0.1
# flagged: the clean comes before the install
RUN zypper clean && zypper -n in curl=8.0.1
# flagged: a cache mount elsewhere does not keep zypper's cache out
RUN --mount=type=cache,target=/root/.cache zypper -n in curl=8.0.1
# flagged: in a trigger
ONBUILD RUN zypper -n in curl=8.0.1
