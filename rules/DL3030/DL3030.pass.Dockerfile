FROM centos:7
RUN yum install -y httpd-2.4.6 && yum clean all
RUN yum -y groupinstall "Development Tools" && yum clean all
RUN yum -qy install httpd-2.4.6 && yum clean all
RUN yum install --assumeyes httpd-2.4.6 && yum clean all
# other subcommands are not this rule's
RUN yum update && yum remove httpd
# not yum
RUN dnf install httpd-2.4.6
RUN echo yum install httpd
