FROM alpine:3.20 AS scratch
FROM alpine:3.20 AS Context
