FROM nginx:1.27 AS web
WORKDIR usr/share/nginx/html
COPY public .
