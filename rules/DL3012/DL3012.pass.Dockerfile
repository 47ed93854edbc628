# One HEALTHCHECK per stage.
FROM nginx:1.27 AS web
HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]

FROM web
HEALTHCHECK CMD ["curl", "-f", "http://localhost/health"]
