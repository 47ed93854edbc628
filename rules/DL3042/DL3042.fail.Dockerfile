FROM python:3.12-slim AS base
# No --no-cache-dir.
RUN pip install flask==3.0.3
# python -m pip is pip; flagged at the pip word.
RUN python3 -m pip install --upgrade pip==24.0
# A false value does not turn the cache off.
ENV PIP_NO_CACHE_DIR=off
RUN pip3 install requests==2.32.3

FROM python:3.12-slim
# The other stage's ENV is not inherited: this stage does not build on it.
ENV PIP_DEFAULT_TIMEOUT=60
RUN PIP_NO_CACHE_DIR=0 pip install -r requirements.txt
# A trigger does not see the file's ENV.
ONBUILD RUN pip install -r requirements.txt
