FROM opensuse/leap:15.5
# flagged: a distribution upgrade inside the build
RUN zypper dist-upgrade
# flagged: its short form, after global options
RUN zypper --non-interactive --gpg-auto-import-keys dup && zypper clean
# flagged: in a trigger
ONBUILD RUN zypper -n dup
