FROM node:20-slim AS deps
# The next stage builds on this one, so its cache stays.
RUN yarn install --frozen-lockfile

FROM deps AS build
RUN yarn build

FROM node:20-slim
# The last stage; the clean before the install does not count.
RUN yarn cache clean && yarn install --production
# A trigger runs in the builds of child images.
ONBUILD RUN yarn install
