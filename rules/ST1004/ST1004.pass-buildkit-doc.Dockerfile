FROM alpine:3.20
RUN echo hello > /greeting.txt
ENTRYPOINT ["cat", "/greeting.txt"]
