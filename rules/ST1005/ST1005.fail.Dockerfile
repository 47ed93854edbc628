FROM debian:12.5 AS builder
RUN apt-get update

FROM golang:1.22 AS Builder
