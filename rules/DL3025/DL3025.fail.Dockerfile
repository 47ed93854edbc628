FROM nginx:1.27
# A shell-form ENTRYPOINT: the shell is PID 1.
ENTRYPOINT /docker-entrypoint.sh
# A shell-form CMD.
CMD nginx -g "daemon off;"
# A shell-form HEALTHCHECK command, after the flags.
HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1
