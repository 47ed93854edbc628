FROM debian:12.5
LABEL maintainer="jane@example.com"
# An empty value is DL3051's finding, not this rule's.
LABEL maintainer=""
# Labels outside the schema are not checked here.
LABEL other.label="Jane Doe"
