FROM debian:12.5 AS base
FROM library/ubuntu:24.04
FROM docker.io/library/alpine:3.20
FROM registry.example.com/team/app:1.0
FROM base
FROM scratch
