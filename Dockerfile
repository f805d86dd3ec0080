# syntax=docker/dockerfile:1
# Filmfold in one image: the server compiled to JavaScript and the built PWA, run by `node` alone.
# See docs/deploy.md. Base images are pinned to the Node version the tests run on.

FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so that a change to the sources reuses this layer.
COPY package.json package-lock.json ./
COPY model/package.json model/
COPY datasets/package.json datasets/
COPY sync-server/package.json sync-server/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build -w web && npm run build -w sync-server && npm prune --omit=dev --no-audit --no-fund

FROM node:20.20.2-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=3000 \
  DATA_DIR=/data \
  WEB_DIR=/app/web/build
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/sync-server/package.json sync-server/
COPY --from=build /app/sync-server/dist sync-server/dist
COPY --from=build /app/sync-server/drizzle sync-server/drizzle
COPY --from=build /app/web/build web/build
# A fixed, unprivileged user that owns only the data folder.
RUN groupadd --gid 10001 filmfold \
  && useradd --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin filmfold \
  && mkdir -p /data && chown 10001:10001 /data
USER 10001:10001
VOLUME /data
EXPOSE 3000
# The first start trains the first model (a few minutes on a small box): the start period allows it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10m --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--enable-source-maps", "sync-server/dist/main.js"]
