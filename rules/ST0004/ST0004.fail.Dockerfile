FROM TO_BE_REPLACED
RUN echo hello
# a domain may have upper case; the repository may not
FROM Registry.Example.com/Team/App:1.0
