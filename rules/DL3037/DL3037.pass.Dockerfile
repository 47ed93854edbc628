FROM opensuse/leap:15.5
RUN zypper -n install curl=8.0.1 && zypper clean
RUN zypper -n install 'tar>=1.34' tar\>1.30 'vim<=9.1' vim\<9.2 && zypper clean
# package files name one build
RUN zypper -n install tomcat-9.0.39-1.rpm /tmp/x-1.0-1.noarch.rpm && zypper clean
# not an install
RUN zypper -n rm vim && zypper -n refresh
