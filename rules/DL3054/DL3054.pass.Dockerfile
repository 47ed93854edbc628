FROM debian:12.5
LABEL org.opencontainers.image.licenses="Apache-2.0"
# An empty value is DL3051's finding, not this rule's.
LABEL org.opencontainers.image.licenses=""
# Labels outside the schema are not checked here.
LABEL other.label="Apache License 2.0"
