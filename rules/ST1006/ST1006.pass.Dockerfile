FROM scratch AS base
FROM alpine:3.20 AS builder
