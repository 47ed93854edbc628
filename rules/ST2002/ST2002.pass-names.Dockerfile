# adoptium 8/jdk/alpine/3.22/Dockerfile:64,65: a release name is a version, and the archive is
# checked with sha256sum -c although gpg --verify names it too.
FROM alpine:3.22
RUN set -eux; \
    ESUM='746bc5577ca2067bf2a96a0ae0f6cf50422f9cb7b5aa58a52e9fceabff5d0619'; \
    BINARY_URL='https://example.com/adoptium/temurin8-binaries/releases/download/jdk8u502-b07/OpenJDK8U-jdk_x64_alpine-linux_hotspot_8u502b07.tar.gz'; \
    wget -O /tmp/openjdk.tar.gz ${BINARY_URL}; \
    wget -O /tmp/openjdk.tar.gz.sig ${BINARY_URL}.sig; \
    export GNUPGHOME="$(mktemp -d)"; \
    gpg --batch --keyserver keyserver.example.com --recv-keys 3B04D753C9050D9A5D343F39843C48A565F8F04B; \
    gpg --batch --verify /tmp/openjdk.tar.gz.sig /tmp/openjdk.tar.gz; \
    rm -rf "${GNUPGHOME}" /tmp/openjdk.tar.gz.sig; \
    echo "${ESUM} */tmp/openjdk.tar.gz" | sha256sum -c -
# A moving word in the file name of a versioned release directory (rabbitmq): the release fixes it.
RUN wget -O /tmp/rabbitmq.tar.xz https://example.com/releases/download/v4.3.2/rabbitmq-server-generic-unix-latest-toolchain-4.3.2.tar.xz \
 && wget -O /tmp/rabbitmq.tar.xz.asc https://example.com/releases/download/v4.3.2/rabbitmq-server-generic-unix-latest-toolchain-4.3.2.tar.xz.asc \
 && gpg --batch --verify /tmp/rabbitmq.tar.xz.asc /tmp/rabbitmq.tar.xz
# A key served at a fixed URL but used through its fingerprint (MariaDB *-ubi).
RUN curl --fail https://example.org/PublicKey --output /tmp/key \
 && gpg --batch --import /tmp/key \
 && gpg --batch --armor --export 177F4010FE56CA3336300305F1656F24C74CD1D8 > /tmp/key
# Run on the spot: ST2004 alone.
RUN curl -fsSL https://example.com/install.sh | sh
