FROM debian:12.5 as builder
