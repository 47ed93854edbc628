FROM alpine:3.20
ENTRYPOINT ["/usr/bin/env"]
# The second ENTRYPOINT of the stage replaces the first.
ENTRYPOINT ["/usr/local/bin/app"]
# A third one, in shell form.
entrypoint /usr/local/bin/app --verbose
