FROM fedora:39 AS base
ARG WHICH_VERSION
ENV TOMCAT_VERSION=9.0.1
RUN dnf install -y httpd-2.4.6 httpd-2.4.58-1.fc39 openssl-1:1.1.1k gcc-c++-1.1.1 && dnf clean all
RUN dnf install -y "which-${WHICH_VERSION}" tomcat-$TOMCAT_VERSION && dnf clean all
RUN microdnf module install -y nodejs:18 && microdnf clean all
# package files name one build
RUN dnf install -y ./tool-1.0-1.x86_64.rpm https://example.com/x-1.0-1.noarch.rpm local.rpm && dnf clean all
# groups are not packages
RUN dnf group install -y "Development Tools" && dnf clean all
FROM base
# ENV of the stage this one is based on
RUN dnf install -y "tomcat-${TOMCAT_VERSION}" && dnf clean all
