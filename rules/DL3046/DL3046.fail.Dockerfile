FROM debian:12-slim
# A six-digit UID without -l.
RUN useradd -u 123456 app
# The long option, with other options around it.
RUN groupadd -g 2000000 svc && useradd -m --uid 2000000 -g svc -s /bin/bash svc
# The value attached to the option.
RUN useradd -u1000001 tool
# A trigger runs in the builds of child images.
ONBUILD RUN useradd -u 1234567 builder
