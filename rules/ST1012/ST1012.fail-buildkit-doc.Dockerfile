FROM alpine:3.20
CMD ["echo", "Hello, Norway!"]
CMD ["echo", "Hello, Sweden!"]
