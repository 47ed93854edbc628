FROM centos:7
RUN yum install -y httpd-2.4.6 && yum clean all
RUN yum install -y httpd-2.4.6 && yum -q clean all
RUN yum install -y httpd-2.4.6 && rm -rf /var/cache/yum/*
RUN yum install -y httpd-2.4.6 && yum clean packages
# installs nothing
RUN yum update -y && yum clean all
RUN yum remove -y httpd
# not yum
RUN dnf install -y httpd-2.4.58
