FROM fedora:39
# flagged: no clean after the install
RUN dnf install -y httpd-2.4.58
# flagged: microdnf's install needs microdnf's clean
RUN microdnf install -y httpd-2.4.58 && dnf clean all
# flagged: the clean comes before the install
RUN dnf clean all && dnf install -y httpd-2.4.58
# flagged: an upgrade fills the cache too
RUN dnf upgrade -y --refresh
# flagged: in a trigger
ONBUILD RUN dnf install -y httpd-2.4.58
