FROM fedora:39
RUN dnf install -y httpd-2.4.58 && dnf clean all
RUN dnf -y --setopt=install_weak_deps=False install httpd-2.4.58 && dnf clean all
RUN microdnf install --assumeyes httpd-2.4.58 && microdnf clean all
RUN dnf -qy groupinstall "Development Tools" && dnf clean all
# other subcommands and other programs are not this rule's
RUN dnf upgrade --refresh
RUN notdnf install httpd
RUN yum install httpd-2.4.6
