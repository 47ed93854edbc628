FROM debian:12.5 AS builder
