FROM fedora:39
RUN dnf install -y httpd-2.4.58 && dnf clean all
RUN microdnf install -y httpd-2.4.58 && microdnf clean all
RUN dnf install -y httpd-2.4.58 && rm -rf /var/cache/libdnf5*
RUN dnf install -y httpd-2.4.58 && rm -rf /var/cache/yum/*
RUN dnf -y install httpd-2.4.58 && dnf -q clean all
RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd-2.4.58
# not dnf
RUN notdnf install httpd
RUN dnf list installed
