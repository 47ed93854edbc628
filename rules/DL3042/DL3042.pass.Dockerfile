FROM python:3.12-slim AS base
RUN pip install --no-cache-dir flask==3.0.3 && pip3 install requests==2.32.3 --no-cache-dir
# Turned off for the RUN.
RUN PIP_NO_CACHE_DIR=1 pip install six==1.16.0 && export PIP_NO_CACHE_DIR=yes && pip install attrs==23.2.0
# A cache mount keeps the cache out of the layer.
RUN --mount=type=cache,target=/root/.cache/pip pip install numpy==1.26.4
# Removed in the same RUN.
RUN pip install pandas==2.2.2 && pip cache purge
# Turned off for the stage and for the stages built on it.
ENV PIP_NO_CACHE_DIR=true
RUN pip install click==8.1.7

FROM base
RUN pip install rich==13.7.1
# pipx and pipenv are not pip.
RUN pipx install black==24.4.2 && pipenv install
