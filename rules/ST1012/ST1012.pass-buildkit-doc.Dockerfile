FROM alpine:3.20
CMD ["sh", "-c", "echo 'Hello, Norway!'; echo 'Hello, Sweden!'"]
