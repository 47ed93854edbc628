FROM opensuse/leap:15.5
# flagged: no version
RUN zypper -n install curl && zypper clean
# flagged: the pattern after -t has no version (the type word is not a package)
RUN zypper -n in -t pattern devel_basis && zypper clean
# flagged: only the second package lacks a version
RUN zypper -n in curl=8.0.1 vim && zypper clean
# flagged: in a trigger
ONBUILD RUN zypper -n in tar
