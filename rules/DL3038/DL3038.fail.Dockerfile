FROM fedora:39
# flagged: install without -y waits for a confirmation
RUN dnf install httpd-2.4.58 && dnf clean all
# flagged: microdnf too
RUN microdnf install httpd-2.4.58 && microdnf clean all
# flagged: a module install (reported at `install`)
RUN dnf module install nodejs:18 && dnf clean all
# flagged: in a trigger
ONBUILD RUN dnf --refresh install httpd-2.4.58
