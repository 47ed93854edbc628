ARG TAG=latest
FROM busybox:${TAG}
