# Keys used only through the fingerprints the RUN names, and packages checked against them.
# MariaDB *-ubi/Dockerfile lines 76-85: each key is imported into a throw-away keyring and only
# the key with the pinned fingerprint is exported; the EPEL rpm is checked with rpm -K.
FROM registry.example.com/ubi9/ubi-minimal
RUN set -eux ; \
	curl --fail https://example.org/pub/epel/RPM-GPG-KEY-EPEL-9 --output /tmp/epelkey.txt ; \
	GNUPGHOME="$(mktemp -d)"; export GNUPGHOME ; \
	gpg --batch --import /tmp/epelkey.txt ; \
	gpg --batch --armor --export FF8AD1344597106ECE813B918A3872BF3228467C > /tmp/epelkey.txt ; \
	rpmkeys --import /tmp/epelkey.txt ; \
	curl --fail https://example.org/pub/epel/epel-release-9-7.noarch.rpm --output /tmp/epel-release-9-7.noarch.rpm ; \
	rpm -K /tmp/epel-release-9-7.noarch.rpm ; \
	rpm -ivh /tmp/epel-release-9-7.noarch.rpm ; \
	curl --fail https://example.org/PublicKey --output /tmp/MariaDB-Server-GPG-KEY ; \
	gpg --batch --import /tmp/MariaDB-Server-GPG-KEY; \
	gpg --batch --armor --export 177F4010FE56CA3336300305F1656F24C74CD1D8 > /tmp/MariaDB-Server-GPG-KEY ; \
	rpmkeys --import /tmp/MariaDB-Server-GPG-KEY ; \
	rm -rf "$GNUPGHOME" /tmp/MariaDB-Server-GPG-KEY
# mongo 7.0/Dockerfile:62: the key file is imported, the fingerprinted key exported.
FROM debian:bookworm-slim AS mongo
RUN export GNUPGHOME="$(mktemp -d)"; \
	wget -O KEYS 'https://example.org/server-7.0.asc'; \
	gpg --batch --import KEYS; \
	mkdir -p /etc/apt/keyrings; \
	gpg --batch --export --armor 'E58830201F7DD82CD808AA84160D26BB1785BA38' > /etc/apt/keyrings/mongodb.asc; \
	gpgconf --kill all; \
	rm -rf "$GNUPGHOME" KEYS
# tomcat: the upstream KEYS file is filtered to known fingerprints in a loop.
FROM debian:bookworm-slim AS tomcat
RUN GNUPGHOME="$(mktemp -d)"; export GNUPGHOME; \
	curl -fL -o upstream-KEYS 'https://example.org/dist/tomcat/tomcat-9/KEYS'; \
	gpg --batch --import upstream-KEYS; \
	printf '' > filtered-KEYS; \
	for key in \
		'DCFD35E0BF8CA7344752DE8B6FB21E8933C60243' \
		'A9C5DF4D22E99998D9875A5110C01C5A2F6059E7' \
	; do \
		gpg --batch --fingerprint "$key"; \
		gpg --batch --export --armor "$key" >> filtered-KEYS; \
	done; \
	rm -rf "$GNUPGHOME"
# A key listed with show-only and compared with its fingerprint before it is imported.
FROM debian:bookworm-slim AS show-only
RUN curl -fsSLo repo.asc https://example.org/repo.asc \
 && gpg --batch --import-options show-only --import repo.asc | grep -q 0123456789ABCDEF0123456789ABCDEF01234567 \
 && gpg --batch --import repo.asc
