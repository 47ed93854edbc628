FROM alpine:3.20
# A misspelt instruction.
FORM alpine:3.20
# ENV needs a value.
ENV ONLY_A_KEY
# Exec form must hold strings only.
CMD ["sleep", 10]
# Every other instruction is still parsed and checked.
RUN echo still checked
COPY <<EOF /etc/motd
never terminated
