FROM nginx:1.27 AS web
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
# Inherited from the stage it is built on.
FROM web
COPY site/ /usr/share/nginx/html/
