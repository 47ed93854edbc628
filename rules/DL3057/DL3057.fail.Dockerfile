FROM nginx:1.27 AS web
COPY site/ /usr/share/nginx/html/
# Another stage without a HEALTHCHECK.
FROM debian:12.5
