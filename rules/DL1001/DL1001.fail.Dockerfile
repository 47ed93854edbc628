FROM debian:12.5
# An inline pragma, in hadolint's form.
# hadolint ignore=DL3003
RUN cd /tmp && echo done
# strata's own inline form is the same thing.
# strata ignore=DL3003
RUN cd /opt && echo done
