FROM debian:12-slim
# Short UIDs.
RUN useradd luser && useradd -u 12345 app
# -l or --no-log-init.
RUN useradd -l -u 123456 svc && useradd --no-log-init --uid 2000000 tool && useradd -lmu 1000001 other
# A UID from a variable is not judged.
ARG APP_UID=1000
RUN useradd -u "$APP_UID" runner
