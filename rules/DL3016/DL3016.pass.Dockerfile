FROM node:20-slim
# Installs what package.json names.
RUN npm install && npm ci --omit=dev && npm install --progress=false
# Versions, quoted versions, ranges and scoped packages with versions.
RUN npm install -g typescript@5.4.5 express@"4.19.2" @myorg/privatepackage@">=0.1.0 <0.2.0"
# Tarballs and folders.
RUN npm install ./lib ../shared ~/pkg /opt/pkg package-v1.2.3.tgz package-v1.2.3.tar.gz
# Git URLs with a ref.
RUN npm install git+https://github.com/example/lib.git#v1.0.27 git://github.com/npm/npm.git#semver:^5.0
# Option values are not packages.
RUN npm install --loglevel verbose --registry https://registry.example.com sax@0.1.1
# npm run install runs a script.
RUN npm run --silent install
