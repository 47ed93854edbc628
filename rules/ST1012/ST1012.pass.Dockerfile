FROM python:3.12-alpine
HEALTHCHECK --interval=1s --timeout=3s \
  CMD ["wget", "-q", "http://localhost:8080"]
CMD ["python", "-m", "http.server", "8080"]

FROM alpine:3.20
CMD ["sh"]
