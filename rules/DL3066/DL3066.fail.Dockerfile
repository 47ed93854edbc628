FROM debian:12.5
# A user name.
USER app
# A user name with a numeric group.
USER app:10001
# The ARG default is substituted: the user is `www-data`.
ARG RUN_AS=www-data
USER ${RUN_AS}
