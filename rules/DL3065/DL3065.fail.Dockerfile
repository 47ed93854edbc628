# The target platform is what FROM uses anyway.
FROM --platform=$TARGETPLATFORM debian:12.5 AS runtime
# Braced, and quoted.
FROM --platform=${TARGETPLATFORM} alpine:3.20
FROM --platform="$TARGETPLATFORM" alpine:3.20
