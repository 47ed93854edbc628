FROM nginx:1.27
ENTRYPOINT ["/docker-entrypoint.sh"]
# A JSON array over continuation lines.
CMD [ "nginx", \
      "-g", \
      "daemon off;" ]
HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
HEALTHCHECK NONE
