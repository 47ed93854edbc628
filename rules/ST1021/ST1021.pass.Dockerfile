# base is a stage for compiling source
FROM scratch AS base
# VERSION is the version number.
ARG VERSION=1

# a comment that is not a description

ARG OTHER=2
