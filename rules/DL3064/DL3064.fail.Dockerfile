# A well-known secret name, as a global ARG.
ARG AWS_SECRET_ACCESS_KEY
FROM debian:12.5
# A name containing "password", in lower case.
ENV db_password=changeme
# Only the suspicious name of the ENV is reported.
ENV MODE=prod API_TOKEN=abc
# Triggers are checked too.
ONBUILD ARG GITHUB_TOKEN
