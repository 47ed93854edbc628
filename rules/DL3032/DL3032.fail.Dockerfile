FROM centos:7
# flagged: no clean after the install
RUN yum install -y httpd-2.4.6
# flagged: the clean comes before the install
RUN yum clean all && yum install -y httpd-2.4.6
# flagged: a module install fills the cache too
RUN yum module install -y nodejs:18
# flagged: in a trigger
ONBUILD RUN yum -y install httpd-2.4.6
