FROM debian:12.5
# A relative path: resolved against the WORKDIR the base image left.
WORKDIR app
# Quotes do not make a path absolute.
WORKDIR "relative/dir"
# The ARG default is substituted: the path is `build/out`.
ARG OUT=build/out
WORKDIR $OUT
