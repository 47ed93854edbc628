FROM debian:12.5
LABEL org.opencontainers.image.url="https://example.com/project"
# An empty value is DL3051's finding, not this rule's.
LABEL org.opencontainers.image.url=""
# Labels outside the schema are not checked here.
LABEL other.label="example.com/project"
