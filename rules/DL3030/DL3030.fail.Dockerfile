FROM centos:7
# flagged: install without -y waits for a confirmation
RUN yum install httpd-2.4.6 && yum clean all
# flagged: groupinstall asks too
RUN yum groupinstall "Development Tools" && yum clean all
# flagged: a module install asks too (reported at `install`)
RUN yum module install nodejs:18 && yum clean all
# flagged: -q is not -y
RUN yum -q localinstall /tmp/tool-1.0-1.x86_64.rpm
# flagged: in a trigger
ONBUILD RUN yum install httpd-2.4.6
