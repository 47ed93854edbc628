# The empty image's name.
FROM golang:1.22 AS scratch
# The build context's name, in another case.
FROM debian:12.5 AS Context
