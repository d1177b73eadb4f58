/**
 * Configuration from environment variables, overridden by CLI flags, validated with zod at
 * start-up so a bad value stops the program with a message that names the variable.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const integer = (min: number) => z.coerce.number().int().min(min);

const ConfigSchema = z.object({
  dbPath: z.string().min(1),
  port: integer(0).max(65535),
  host: z.string().min(1),
  articlesDir: z.string().min(1),
  queryTimeoutMs: integer(100),
  queryRowLimit: integer(1).max(100_000),
  consoleMemoryMb: integer(64),
  maxFileBytes: integer(1),
  bodyLimitBytes: integer(1024),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Environment variable -> config key, with the default. Listed in the README. */
export const ENVIRONMENT: Array<{ variable: string; key: keyof Config; fallback: string | number; help: string }> = [
  { variable: 'ACTORGRAPH_DB', key: 'dbPath', fallback: join(REPO_ROOT, 'data', 'graph.kuzu'), help: 'Kuzu database path' },
  { variable: 'PORT', key: 'port', fallback: 3000, help: 'HTTP port of the server' },
  { variable: 'HOST', key: 'host', fallback: '127.0.0.1', help: 'interface the server listens on (0.0.0.0 in containers)' },
  { variable: 'ACTORGRAPH_ARTICLES', key: 'articlesDir', fallback: join(REPO_ROOT, 'data', 'articles'), help: 'articles `npm start` imports into an empty database' },
  { variable: 'ACTORGRAPH_QUERY_TIMEOUT_MS', key: 'queryTimeoutMs', fallback: 10_000, help: 'time limit of a console query' },
  { variable: 'ACTORGRAPH_QUERY_ROW_LIMIT', key: 'queryRowLimit', fallback: 1000, help: 'most rows a console query returns' },
  { variable: 'ACTORGRAPH_CONSOLE_MEMORY_MB', key: 'consoleMemoryMb', fallback: 2048, help: 'memory a console query may use before it is stopped' },
  { variable: 'ACTORGRAPH_MAX_FILE_BYTES', key: 'maxFileBytes', fallback: 5 * 1024 * 1024, help: 'largest article file the importer reads' },
  { variable: 'ACTORGRAPH_BODY_LIMIT_BYTES', key: 'bodyLimitBytes', fallback: 1024 * 1024, help: 'largest HTTP request body' },
];

export class ConfigError extends Error {}

export function loadConfig(overrides: Partial<Record<keyof Config, unknown>> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const { variable, key, fallback } of ENVIRONMENT) {
    raw[key] = overrides[key] ?? (env[variable] !== undefined && env[variable] !== '' ? env[variable] : fallback);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      const variable = ENVIRONMENT.find((entry) => entry.key === key)?.variable ?? key;
      return `${variable} (${JSON.stringify(raw[key])}): ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return { ...parsed.data, dbPath: resolve(parsed.data.dbPath), articlesDir: resolve(parsed.data.articlesDir) };
}
