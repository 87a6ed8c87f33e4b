# The application image: one build, run as the migrate job, the worker and the API (docker-compose.yml picks the
# entry point). Built from the lockfile exactly (npm ci); the final stage holds production dependencies only and runs
# as an unprivileged user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build-web.mjs scripts/prune-dist.mjs ./scripts/
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --chown=root:root package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# The files belong to root and are read-only to the process: a compromised process cannot rewrite the code it runs.
USER node
EXPOSE 3000 3001 8888
CMD ["node", "dist/main.js"]
