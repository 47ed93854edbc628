FROM node:20-slim AS build
# Only copied from: its cache is not in the final image.
RUN yarn install --frozen-lockfile && yarn build

FROM node:20-slim
COPY --from=build /app/dist /app
RUN yarn install --production && yarn cache clean
# A cache mount keeps the cache out of the layer.
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --production
# Removed in the same RUN.
RUN yarn install --production && rm -rf /usr/local/share/.cache/yarn
# Other yarn commands.
RUN yarn add left-pad@1.3.0 && yarn build
