FROM debian:12.5
# Only the version label is in the schema, and labels are strict.
LABEL org.opencontainers.image.version="1.2.0" team="infra"
