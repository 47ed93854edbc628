FROM alpine:3.20
# A misspelt instruction.
FORM alpine:3.20
# ENV needs a value.
ENV ONLY_A_KEY
# Exec form must hold strings only.
CMD ["sleep", 10]
# Flags are checked per instruction.
COPY --chmown=app:app app.py /srv/
RUN --mount=type=cache,target=/root/.cache --network=none --network=host pip install -r req.txt
# Argument counts and stage names.
COPY app.py
FROM alpine:3.20 AS 1st
# A base image that is not a reference at all (a template placeholder).
FROM ubuntu:%%SUITE%%
# Every other instruction is still parsed and checked.
RUN echo still checked
COPY <<EOF /etc/motd
never terminated
