# File names that move: a moving word anywhere in the name (MariaDB *-ubi: epel-release-latest-9),
# and an architecture that is no version.
FROM registry.example.com/ubi9/ubi-minimal
RUN curl --fail https://example.org/pub/epel/epel-release-latest-9.noarch.rpm --output /tmp/epel.rpm \
 && rpm -K /tmp/epel.rpm
RUN curl -fsSLo gcc-libs.pkg https://example.org/packages/core/x86_64/gcc-libs/download
RUN wget https://example.org/builds/tool-nightly-20240101.tar.gz
