# actorgraph: the explorer and the API. With NEO4J_URI set it uses Neo4j, else an embedded database
# under /app/data (a volume). On first start it imports the sample articles into an empty database.
#
# Two stages: the first installs every dependency and builds (tsc → dist/server, Vite → dist/client
# and dist/snapshot), then drops the dev dependencies; the second holds only what runs.

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No scripts yet (prepare would build sources not copied); the native store's own install script
# runs with `npm rebuild`.
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild @ladybugdb/core esbuild
COPY . .
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/cypher ./cypher
COPY --from=build /app/data ./data
COPY --from=build /app/scripts/install-store-extensions.mjs ./scripts/
RUN mkdir -p data && chown -R node:node data
USER node
# The store's full-text extension, installed now for the user that serves: nothing is downloaded
# at run time.
RUN node scripts/install-store-extensions.mjs
VOLUME /app/data
EXPOSE 3000
# Ready = the store answers (GET /api/ready); /api/health only says the process is alive.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "bin/actorgraph.js", "start"]
