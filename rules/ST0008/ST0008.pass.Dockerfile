FROM debian:12
RUN if [ -f /etc/os-release ]; then echo found; fi; \
    curl -fsSL https://example.com/install.sh -o /tmp/install.sh && sh /tmp/install.sh
RUN select choice in one two; do echo "$choice"; break; done < /dev/null
RUN coproc worker { sleep 1; }; echo started
