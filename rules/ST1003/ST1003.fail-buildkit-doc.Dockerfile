FROM alpine:3.20
EXPOSE \

80
