FROM debian:12.5
# Upper case and an underscore.
LABEL Maintainer="jane@example.com" build_date="2024-05-01"
# Docker's reserved namespace, a doubled separator, a key ending in a dot.
LABEL com.docker.extension.title="tool" org.example..name="x" org.example.="y"
