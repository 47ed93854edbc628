FROM debian:12.5 AS build
# A build stage that is only copied from: its layers are not in the image.
RUN apt-get update && apt-get install -y --no-install-recommends gcc=4:12.2.0-3
RUN echo 'int main(void){return 0;}' > /m.c && gcc -o /m /m.c

FROM debian:12.5
COPY --from=build /m /usr/local/bin/m
# The lists removed in the same RUN.
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \
 && rm -rf /var/lib/apt/lists/*

# A cache mount on the lists, or on both apt directories.
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends git=1:2.39.2-1.1
RUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt \
    apt-get update && apt-get install -y --no-install-recommends make=4.3-4.1
RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update

# apt's distclean removes the lists as well as the cache.
RUN apt-get update && apt-get install -y --no-install-recommends wget=1.21.3-1+b2 && apt-get dist-clean

# Removed in a heredoc body of the same RUN.
RUN <<EOT
apt-get update
apt-get install -y --no-install-recommends jq=1.6-2.1
rm -rf /var/lib/apt/lists/*
EOT

# Not an update.
RUN apt-get install -y --no-install-recommends ./local.deb && echo apt-get update
