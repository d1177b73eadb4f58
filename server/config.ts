/**
 * Configuration from environment variables, overridden by CLI flags, validated with zod at
 * start-up so a bad value stops the program with a message that names the variable.
 */
import { homedir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { z } from 'zod';
import { DEFAULT_STORE, STORE_ALIASES, STORE_NAMES } from './domain/stores.js';
import { NER_MODES } from './importer/ner/ner-types.js';

import { PACKAGE_ROOT } from './package-root.js';

/** Where the package's own files are (cypher/, data/, dist/): see package-root.ts. */
export const REPO_ROOT = PACKAGE_ROOT;

/** pino's levels, most verbose last; `silent` logs nothing. */
export const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

const integer = (min: number) => z.coerce.number().int().min(min);

const ConfigSchema = z
  .object({
    dbPath: z.string().min(1),
    port: integer(0).max(65535),
    host: z.string().min(1),
    articlesDir: z.string().min(1),
    curationPath: z.string().min(1),
    queryTimeoutMs: integer(100),
    queryRowLimit: integer(1).max(100_000),
    consoleMemoryMb: integer(64),
    consoleQueue: integer(0),
    responseMaxBytes: integer(1024),
    maxFileBytes: integer(1),
    progressEveryMs: integer(0),
    bodyLimitBytes: integer(1024),
    store: z.enum(STORE_NAMES, { message: `store must be ${STORE_NAMES.join(' or ')}` }),
    neo4jUri: z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'expected bolt://host:port or neo4j://host:port (or +s / +ssc)')
      .optional(),
    neo4jUser: z.string().optional(),
    neo4jPassword: z.string().optional(),
    neo4jDatabase: z.string().optional(),
    ner: z.enum(NER_MODES, { message: `expected one of ${NER_MODES.join(', ')}` }),
    corenlpUrl: z
      .string()
      .regex(/^https?:\/\/[^/\s]+/, 'expected the URL of a CoreNLP server, e.g. http://127.0.0.1:9000')
      .refine((value) => URL.canParse(value), 'not a valid URL')
      .optional(),
    logLevel: z.enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(', ')}` }),
    shutdownTimeoutMs: integer(0),
    token: z
      .string()
      .min(16, 'at least 16 characters, e.g. from `openssl rand -hex 32`')
      .regex(/^\S+$/, 'no spaces')
      .optional(),
    allowedHosts: z
      .string()
      .optional()
      .transform((names) =>
        (names ?? '')
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== ''),
      ),
  })
  .refine((config) => config.store !== 'neo4j' || config.neo4jUri !== undefined, {
    message: 'the neo4j store needs NEO4J_URI',
    path: ['neo4jUri'],
  });

export type Config = z.infer<typeof ConfigSchema>;

/**
 * Where the embedded database lives by default: data/ in a clone (beside the sample articles); in an
 * installed package (`npm install -g`), whose folder may not be writable and is replaced on every
 * upgrade, the user's data folder ($XDG_DATA_HOME/actorgraph, else ~/.local/share/actorgraph).
 */
export function defaultDatabasePath(): string {
  return join(defaultDataFolder(), 'graph.lbug');
}

/** Where the Kuzu database lived by default before LadybugDB, to say it is no longer read. */
export function oldDefaultDatabasePath(): string {
  return join(defaultDataFolder(), 'graph.kuzu');
}

function defaultDataFolder(): string {
  if (!REPO_ROOT.split(sep).includes('node_modules')) return join(REPO_ROOT, 'data');
  const dataHome = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'actorgraph');
}

/**
 * The embedded store was called "kuzu" until LadybugDB (Kuzu's maintained fork) replaced Kuzu.
 * `kuzu` still selects it, for one release, with a notice on stderr (STORE_ALIASES, domain/stores.ts).
 */

export function storeAliasNotice(alias: string): string {
  return (
    `actorgraph: the store "${alias}" is now called "ladybug" (LadybugDB, the maintained fork of Kuzu); ` +
    `"${alias}" still works in this release only. Use --store ladybug or ACTORGRAPH_STORE=ladybug.`
  );
}

/** Environment variable -> config key, with the default. Listed in the README. */
export const ENVIRONMENT: Array<{ variable: string; key: keyof Config; fallback: string | number; help: string }> = [
  {
    variable: 'ACTORGRAPH_DB',
    key: 'dbPath',
    fallback: defaultDatabasePath(),
    help: 'LadybugDB database path (the embedded store)',
  },
  { variable: 'PORT', key: 'port', fallback: 3000, help: 'HTTP port of the server' },
  {
    variable: 'HOST',
    key: 'host',
    fallback: '127.0.0.1',
    help: 'interface the server listens on (0.0.0.0 in containers)',
  },
  {
    variable: 'ACTORGRAPH_ARTICLES',
    key: 'articlesDir',
    fallback: join(REPO_ROOT, 'data', 'articles'),
    help: 'articles `npm start` imports into an empty database',
  },
  {
    variable: 'ACTORGRAPH_CURATION',
    key: 'curationPath',
    fallback: join(REPO_ROOT, 'data', 'curation.yaml'),
    help: 'curation file applied on every import',
  },
  {
    variable: 'ACTORGRAPH_QUERY_TIMEOUT_MS',
    key: 'queryTimeoutMs',
    fallback: 10_000,
    help: 'time limit of a console query, and of every read of the embedded store',
  },
  {
    variable: 'ACTORGRAPH_QUERY_ROW_LIMIT',
    key: 'queryRowLimit',
    fallback: 1000,
    help: 'most rows a console query returns',
  },
  {
    variable: 'ACTORGRAPH_CONSOLE_MEMORY_MB',
    key: 'consoleMemoryMb',
    fallback: 2048,
    help: 'memory a console query may use before it is stopped',
  },
  {
    variable: 'ACTORGRAPH_CONSOLE_QUEUE',
    key: 'consoleQueue',
    fallback: 8,
    help: 'console queries that may wait for a turn; one more is answered 503 with Retry-After',
  },
  {
    variable: 'ACTORGRAPH_RESPONSE_MAX_BYTES',
    key: 'responseMaxBytes',
    fallback: 16 * 1024 * 1024,
    help: 'largest console answer (413 past it)',
  },
  {
    variable: 'ACTORGRAPH_MAX_FILE_BYTES',
    key: 'maxFileBytes',
    fallback: 5 * 1024 * 1024,
    help: 'largest article file the importer reads',
  },
  {
    variable: 'ACTORGRAPH_PROGRESS_EVERY_MS',
    key: 'progressEveryMs',
    fallback: 5000,
    help: 'how often an import writing to a log (not a terminal) prints a progress line; 0: after every batch',
  },
  {
    variable: 'ACTORGRAPH_BODY_LIMIT_BYTES',
    key: 'bodyLimitBytes',
    fallback: 1024 * 1024,
    help: 'largest HTTP request body',
  },
  {
    variable: 'ACTORGRAPH_STORE',
    key: 'store',
    fallback: '',
    help: 'ladybug or neo4j (default: neo4j when NEO4J_URI is set, else ladybug; kuzu: old name of ladybug)',
  },
  {
    variable: 'NEO4J_URI',
    key: 'neo4jUri',
    fallback: '',
    help: 'Neo4j server, e.g. bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io',
  },
  {
    variable: 'NEO4J_USER',
    key: 'neo4jUser',
    fallback: '',
    help: 'Neo4j user (leave unset when authentication is off)',
  },
  { variable: 'NEO4J_PASSWORD', key: 'neo4jPassword', fallback: '', help: 'Neo4j password' },
  {
    variable: 'NEO4J_DATABASE',
    key: 'neo4jDatabase',
    fallback: '',
    help: 'Neo4j database (default: the server default)',
  },
  {
    variable: 'ACTORGRAPH_NER',
    key: 'ner',
    fallback: 'auto',
    help: 'where names come from on import: auto, corenlp or rules (--ner)',
  },
  {
    variable: 'CORENLP_URL',
    key: 'corenlpUrl',
    fallback: '',
    help: 'a running Stanford CoreNLP server, e.g. http://127.0.0.1:9000 (else one is started when needed)',
  },
  {
    variable: 'LOG_LEVEL',
    key: 'logLevel',
    fallback: 'info',
    help: `the server's log level: ${LOG_LEVELS.join(', ')}`,
  },
  {
    variable: 'SHUTDOWN_TIMEOUT_MS',
    key: 'shutdownTimeoutMs',
    // Under Docker's default 10 s between SIGTERM and SIGKILL, with room to close the store.
    fallback: 8000,
    help: 'on SIGTERM / SIGINT, how long the server lets running requests finish before it cuts them off',
  },
  {
    variable: 'ACTORGRAPH_TOKEN',
    key: 'token',
    fallback: '',
    help: 'the token API requests must send (Authorization: Bearer …); required when HOST is not loopback',
  },
  {
    variable: 'ACTORGRAPH_ALLOWED_HOSTS',
    key: 'allowedHosts',
    fallback: '',
    help: 'host names the server answers to besides localhost, 127.0.0.1, [::1] and HOST (comma-separated)',
  },
];

export class ConfigError extends Error {}

export function loadConfig(
  overrides: Partial<Record<keyof Config, unknown>> = {},
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const raw: Record<string, unknown> = {};
  for (const { variable, key, fallback } of ENVIRONMENT) {
    const value = overrides[key] ?? (env[variable] !== undefined && env[variable] !== '' ? env[variable] : fallback);
    raw[key] = value === '' ? undefined : value;
  }
  raw.store ??= raw.neo4jUri ? 'neo4j' : DEFAULT_STORE;
  const alias = typeof raw.store === 'string' ? STORE_ALIASES[raw.store] : undefined;
  if (alias) {
    process.stderr.write(`${storeAliasNotice(String(raw.store))}\n`);
    raw.store = alias;
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
  return {
    ...parsed.data,
    dbPath: resolve(parsed.data.dbPath),
    articlesDir: resolve(parsed.data.articlesDir),
    curationPath: resolve(parsed.data.curationPath),
  };
}
