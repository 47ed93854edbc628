FROM alpine:3.20 AS base
ARG foo
COPY $foo .
ENV PATH=$PATH:/app/bin

FROM eclipse-temurin:21 AS java
ENV JAVA_OPTS="-Dhome=$JAVA_HOME"
