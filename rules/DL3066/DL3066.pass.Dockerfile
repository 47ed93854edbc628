ARG APP_UID
FROM debian:12.5
USER 10001
USER 10001:app
# A variable given at build time.
USER ${APP_UID}
ARG UID=1000
ARG GID=1000
USER ${UID}:${GID}

# Windows has no numeric user ids.
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS win
USER ContainerUser
FROM win
USER ContainerAdministrator
