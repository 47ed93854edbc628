FROM python:3.12-slim
# No version at all.
RUN pip install --no-cache-dir requests
# pip3 and python -m pip are pip too; only the unpinned package of the two is flagged.
RUN pip3 install --no-cache-dir flask==3.0.3 click && python3 -m pip install --no-cache-dir six
# The index URL is the option's value; the package after it has no version.
RUN pip install --no-cache-dir --index-url https://pypi.example.com/simple internal-tool
# A git requirement without a ref (@tag or @commit) follows the branch.
RUN pip install --no-cache-dir git+https://github.com/example/project.git#egg=project
# A package next to a requirements file is still a package.
RUN pip install --no-cache-dir -r requirements.txt uvicorn
# A trigger runs in the builds of child images.
ONBUILD RUN pip install --no-cache-dir pytest
