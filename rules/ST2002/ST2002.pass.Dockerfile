FROM python:3.12-slim
ENV PYTHON_GET_PIP_URL=https://github.com/pypa/get-pip/raw/3843bff3a0a61da5b63ea0b7d34794c5c51a2f11/get-pip.py
ARG TOOL_VERSION=1.2.3
# A commit in the URL.
RUN curl -fsSLo get-pip.py "$PYTHON_GET_PIP_URL"
# A version in the URL (after ARG substitution).
RUN wget -O tool.tgz "https://example.com/releases/v${TOOL_VERSION}/tool.tgz"
# No version, but the content is pinned by its checksum.
RUN curl -fsSLo key.asc https://example.com/KEYS \
 && echo "9f2c4e1b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e  key.asc" | sha256sum -c -
ADD https://example.com/tool.git#v1.7.34 /src/tool
ADD --checksum=sha256:9f2c4e1b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e https://example.com/tool.tgz /tmp/
