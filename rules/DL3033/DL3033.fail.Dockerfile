FROM centos:7
# flagged: no version
RUN yum install -y httpd && yum clean all
# flagged: dashes in the name are not a version (both packages)
RUN yum install -y rpm-sign java-11-openjdk-devel && yum clean all
# flagged: a module without a stream
RUN yum module install -y nodejs && yum clean all
# flagged: a version variable that nothing declares
RUN yum install -y "git-core-${GIT_VER}" && yum clean all
# flagged: in a trigger
ONBUILD RUN yum install -y vim-enhanced
