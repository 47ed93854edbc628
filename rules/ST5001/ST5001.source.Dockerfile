# The source of the fixtures of ST5001 and ST5002 (their config names it with verify.dockerfile).
FROM debian:bookworm-slim
ENV DEMO_VERSION 1.2.0
RUN set -eux; \
	wget -O demo.tar.gz "https://example.com/demo/${DEMO_VERSION}/demo-linux.tar.gz"; \
# the checksum of demo 1.2.0
	echo "9f2c4e1b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e  demo.tar.gz" | sha256sum -c -; \
	tar -xzf demo.tar.gz -C /usr/local/bin; \
	rm demo.tar.gz
CMD ["demo"]
