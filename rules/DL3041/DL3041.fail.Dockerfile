FROM fedora:39
# flagged: no version
RUN dnf install -y httpd && dnf clean all
# flagged: dashes in the name are not a version (both packages)
RUN dnf install -y rpm-sign java-11-openjdk-devel && dnf clean all
# flagged: a module without a stream
RUN dnf module install -y nodejs && dnf clean all
# flagged: a version variable that nothing declares
RUN dnf install -y "git-core-${GIT_VER}" && dnf clean all
# flagged: in a trigger
ONBUILD RUN microdnf install -y vim-enhanced
