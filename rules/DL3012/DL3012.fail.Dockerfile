FROM nginx:1.27
HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
# The second HEALTHCHECK of the stage replaces the first.
HEALTHCHECK --interval=10s CMD ["curl", "-f", "http://localhost/health"]
# And so does a third, even NONE.
HEALTHCHECK NONE
