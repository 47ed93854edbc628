FROM alpine:3.20
ARG PUBLIC_KEY
ENV MYSECRET=1 API-KEY=2 MONKEY=3
RUN --mount=type=secret,id=token cat /run/secrets/token
