FROM python:3.12-slim
# Exact pins, compatible releases and ranges.
RUN pip install --no-cache-dir flask==3.0.3 'click~=8.1' 'alabaster>=0.7' "sphinx<8"
# Requirements files and local sources name no package.
RUN pip install --no-cache-dir -r requirements.txt && pip install --no-cache-dir --requirement dev.txt
RUN pip install --no-cache-dir . ./plugins/extra /wheels/app-1.0-py3-none-any.whl dist/app-1.0.tar.gz
# A constraints file fixes the versions.
RUN pip install --no-cache-dir requests -c constraints.txt
# A git requirement with a tag.
RUN pip install --no-cache-dir git+https://github.com/example/project.git@v1.2.0#egg=project
# Option values are not packages.
RUN pip install --no-cache-dir --target /opt/lib --trusted-host pypi.example.com --build /tmp/b yamllint==1.35.1
# pipx and pipenv are not pip.
RUN pipx install black && pipenv install requests
# Other pip subcommands install nothing.
RUN pip download requests && pip uninstall -y requests
