FROM debian:12.5
LABEL org.opencontainers.image.version="1.2.0"
# An empty value is DL3051's finding, not this rule's.
LABEL org.opencontainers.image.version=""
# Labels outside the schema are not checked here.
LABEL other.label="v1.2"
