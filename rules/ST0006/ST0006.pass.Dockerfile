FROM debian:12.5
# hadolint ignore=DL3008, SC2086 # reasons may follow
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# hadolint global ignore=DL3007
# strata ignore=ST2,download-without-verification
RUN echo done
# hadolint shell=powershell
FROM debian:latest AS final
