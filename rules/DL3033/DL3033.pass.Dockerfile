FROM centos:7 AS base
ARG WHICH_VERSION
ENV TOMCAT_VERSION=9.0.1
RUN yum install -y httpd-2.4.6 httpd-2.4.6-90.el7 openssl-1:1.1.1k gcc-c++-1.1.1 && yum clean all
RUN yum install -y "which-${WHICH_VERSION}" tomcat-$TOMCAT_VERSION && yum clean all
RUN yum module install -y nodejs:18 && yum clean all
# package files name one build
RUN yum install -y ./tool-1.0-1.x86_64.rpm https://example.com/x-1.0-1.noarch.rpm local.rpm && yum clean all
# groups are not packages
RUN yum group install -y "Development Tools" && yum clean all
FROM base
# ENV of the stage this one is based on
RUN yum install -y "tomcat-${TOMCAT_VERSION}" && yum clean all
