FROM alpine:3.20
RUN --mount=type=secret,id=aws,env=AWS_SECRET_ACCESS_KEY aws s3 ls
