FROM debian:12.5
LABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"
# An empty value is DL3051's finding, not this rule's.
LABEL org.opencontainers.image.created=""
# Labels outside the schema are not checked here.
LABEL other.label="2024-05-01 12:00"
