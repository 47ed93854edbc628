ARG BASE=debian:12.5
FROM $BASE AS Builder
RUN echo build
FROM builder
FROM scratch
FROM registry.example.com:5000/team/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
FROM Registry.Example.com/team/app
