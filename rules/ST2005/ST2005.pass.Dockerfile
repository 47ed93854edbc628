FROM debian:12-slim
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
ENV PATH=/opt/app/bin:$PATH
# The base image's PATH is not known here: nothing to compare with.
FROM python:3.12-slim
ENV PATH=/usr/local/bin:$PATH
