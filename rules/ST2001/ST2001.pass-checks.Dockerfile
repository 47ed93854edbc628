# Checks credited to the file they check.
# iojs/node pages: the tarball is the file grep picks out of the signed sums file.
FROM debian:bookworm AS node
ENV NODE_VERSION=9.11.1
RUN curl -SLO "https://example.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-x64.tar.xz" \
  && curl -SLO --compressed "https://example.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc" \
  && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc \
  && grep " node-v$NODE_VERSION-linux-x64.tar.xz\$" SHASUMS256.txt | sha256sum -c - \
  && tar -xJf "node-v$NODE_VERSION-linux-x64.tar.xz" -C /usr/local --strip-components=1
# composer pages: PHP hashes the installer and compares it with a literal or an ENV value.
FROM php:7.2-cli AS composer
RUN curl -s -f -L -o /tmp/installer.php https://example.org/composer/getcomposer.org/b107d959a5924af895807021fcef4ffec5a76aa9/web/installer \
 && php -r " \
    \$signature = '544e09ee996cdf60ece3804abc52599c22b1f40f4323403c44d44fdfdd586475ca9813a858088ffbc1f233e9b180f061'; \
    \$hash = hash('SHA384', file_get_contents('/tmp/installer.php')); \
    if (!hash_equals(\$signature, \$hash)) { \
        unlink('/tmp/installer.php'); \
        exit(1); \
    }" \
 && php /tmp/installer.php --no-ansi --install-dir=/usr/bin --filename=composer
ENV COMPOSER_INSTALLER_SHA384=544e09ee996cdf60ece3804abc52599c22b1f40f4323403c44d44fdfdd586475ca9813a858088ffbc1f233e9b180f061
RUN curl -o composer-setup.php https://example.org/installer \
 && php -r "if (hash_file('sha384', 'composer-setup.php') === '${COMPOSER_INSTALLER_SHA384}') { echo 'ok'; } else { unlink('composer-setup.php'); exit(1); }"
# A git source at a commit is fixed.
ADD https://example.com/opencontainers/runc.git#0123456789abcdef0123456789abcdef01234567 /src/runc
# Run as code on the spot: ST2004 (pipe-to-shell) reports it, not this rule.
RUN curl -fsSL https://example.com/install.sh | sh
# Inside a `sh -c` string, checked in the same string.
RUN sh -c 'curl -fsSLo /tmp/a.tgz https://example.com/a-1.0.tgz && echo "9f2c4e1b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e  /tmp/a.tgz" | sha256sum -c -'
# Unverified over plain HTTP (piwik's GeoLiteCity.dat.gz): ST2003 (insecure-transport) reports it.
RUN curl -fsSL -o /tmp/GeoIPCity.dat.gz http://example.org/download/geoip/database/GeoLiteCity.dat.gz
