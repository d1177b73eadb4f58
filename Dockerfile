# actorgraph: the explorer and the API. With NEO4J_URI set it uses Neo4j, else an embedded Kuzu
# database under /app/data. On first start it imports the sample articles into an empty database.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
RUN node_modules/.bin/vite build --config client/vite.config.ts && chown -R node:node /app
USER node
ENV HOST=0.0.0.0 PORT=3000 NODE_ENV=production
EXPOSE 3000
CMD ["node", "bin/actorgraph.js", "start"]
