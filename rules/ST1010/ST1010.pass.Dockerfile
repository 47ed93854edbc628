FROM nginx:1.27 AS web
WORKDIR /usr/share/nginx
COPY public html

FROM web
WORKDIR html
