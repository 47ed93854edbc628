FROM debian:12.5
# A typo: no rule has this id; hadolint reads the pragma but DL3008 is not ignored.
# hadolint ignore=DL3080
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*
# A name hadolint does not accept voids its whole pragma (DL3007 is reported anyway).
# hadolint ignore=crazy,DL3007
FROM debian:latest AS final
# strata pragmas take ids, names and prefixes; this one matches none.
# strata ignore=no-such-rule
RUN echo done
