FROM node:20-slim
# No version.
RUN npm install -g typescript
# A scoped package without a version; the pinned one next to it is fine.
RUN npm install @angular/cli sax@0.1.1
# latest moves with every release.
RUN npm i -g pnpm@latest
# The registry URL is the option's value; the package has no version.
RUN npm install --registry https://registry.example.com internal-lib
# A git URL without a ref follows the default branch.
RUN npm install git+https://github.com/example/lib.git
# A trigger runs in the builds of child images.
ONBUILD RUN npm install -g nodemon
