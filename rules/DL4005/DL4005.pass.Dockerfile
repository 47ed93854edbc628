FROM debian:12.5
SHELL ["/bin/bash", "-c"]
# other links
RUN ln -sf /bin/true /sbin/initctl
# /bin/sh named by another command, not by ln
RUN ln -s foo bar && unrelated && something_with /bin/sh
# a path that only starts like it
RUN ln -s /bin/bash /bin/sh.bak
