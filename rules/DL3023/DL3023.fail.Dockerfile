FROM golang:1.22 AS build
# The stage's own name.
COPY --from=build /src /src

FROM debian:12.5 AS runtime
# Own name, another case.
COPY --from=RUNTIME /a /a
# Own index (this is stage 1).
COPY --from=1 /b /b
# Own name from an ARG.
ARG SELF=Runtime
COPY --from=$SELF /c /c
