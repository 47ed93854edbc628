# Values built from earlier ones, well under 64 KiB.
FROM alpine:3.20
ENV APP_HOME=/opt/app
ENV PATH=$APP_HOME/bin:$PATH
ENV A1=x A2=$A1$A1 A3=$A2$A2
