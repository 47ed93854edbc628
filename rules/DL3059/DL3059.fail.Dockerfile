FROM debian:12.5
RUN apt-get update
# a second single-command RUN right after the first
RUN apt-get install -y --no-install-recommends curl
# a comment between them does not end the sequence
RUN curl --version
RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt
# the same flags as the RUN before
RUN --mount=type=cache,target=/root/.cache pip check
