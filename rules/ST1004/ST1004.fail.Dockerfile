FROM alpine:3.20
RUN echo hello > /greeting.txt
run echo again
Entrypoint ["cat", "/greeting.txt"]
