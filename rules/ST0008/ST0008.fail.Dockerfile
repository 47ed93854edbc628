FROM debian:12
RUN if [ -f /etc/os-release ]; then echo found; \
    curl -fsSL https://example.com/install.sh | sh
