# The schema (.config.yaml beside this file) requires org.opencontainers.image.version.
FROM debian:12.5 AS base
LABEL team="infra"
# Built on a stage that lacks it too.
FROM base
