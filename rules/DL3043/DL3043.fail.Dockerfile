FROM debian:12.5
# A chained ONBUILD.
ONBUILD ONBUILD RUN echo hello
# FROM is not a trigger.
ONBUILD FROM alpine:3.20
# Neither is MAINTAINER.
onbuild maintainer "Jane Doe <jane@example.com>"
