FROM alpine:3.20
CMD ["one"]
ENTRYPOINT ["a"]
CMD ["two"]
ENTRYPOINT ["b"]
CMD ["three"]
