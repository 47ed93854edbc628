FROM debian:12.5 AS deb-builder
RUN apt-get update

FROM golang:1.22 AS go-builder
