FROM debian:12.5
# the classic: bash becomes /bin/sh
RUN ln -sfv /bin/bash /bin/sh
# after other commands, with a long option
RUN apt-get update && ln --symbolic --force /bin/dash /bin/sh
# the trigger of an ONBUILD runs in a later build, flagged as well
ONBUILD RUN ln -sf /bin/bash /bin/sh
