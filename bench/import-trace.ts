/**
 * Where in a write the import's memory peaks (bench/import-throughput.ts, IMPORT_TRACE=1): every
 * statement the import runs on LadybugDB (COPY of a table, CHECKPOINT, COMMIT, the UNWIND lookups)
 * with the process's RSS when it began, the highest RSS sampled while it ran (every 50 ms, from
 * /proc/self/statm) and the buffer pool's resident part at that highest sample (smaps, at most
 * every 250 ms). The engine runs a statement off the JavaScript thread, so the timer samples during
 * it. Linux only; bench code, not the importer's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Connection } from '@ladybugdb/core';

/** glibc's heap: MB in use (small and mmapped chunks) and MB free in its arenas. */
interface Malloc {
  inUse: number;
  free: number;
}

/** glibc's mallinfo2 through koffi (as cli/native-heap.ts loads malloc_trim), or undefined. */
function loadMallinfo(): (() => Malloc) | undefined {
  try {
    const koffi = createRequire(import.meta.url)('koffi') as {
      load(path: string): { func(name: string, result: unknown, args: unknown[]): () => Record<string, number> };
      struct(name: string, fields: Record<string, string>): unknown;
    };
    const fields = [
      'arena',
      'ordblks',
      'smblks',
      'hblks',
      'hblkhd',
      'usmblks',
      'fsmblks',
      'uordblks',
      'fordblks',
      'keepcost',
    ];
    const struct = koffi.struct('mallinfo2', Object.fromEntries(fields.map((f) => [f, 'size_t'])));
    const mallinfo = koffi.load('libc.so.6').func('mallinfo2', struct, []);
    const mb = (bytes: number) => Math.round(Number(bytes) / (1024 * 1024));
    return () => {
      const info = mallinfo();
      return { inUse: mb(info.uordblks + info.hblkhd), free: mb(info.fordblks) };
    };
  } catch {
    return undefined;
  }
}

export interface TracedStatement {
  /** Which write (counted from COMMITs and CHECKPOINTs: the writer's BEGIN starts one). */
  write: number;
  kind: string;
  ms: number;
  rssStart: number;
  rssMax: number;
  rssEnd: number;
  /** The pool's resident MB at rssMax, when read. */
  poolAtMax?: number;
  /** glibc's heap at rssMax, when read. */
  mallocAtMax?: Malloc;
}

const PAGE = 4096;

function rssMb(): number {
  const statm = readFileSync('/proc/self/statm', 'utf8').split(' ');
  return Math.round((Number(statm[1]) * PAGE) / (1024 * 1024));
}

/** A statement's kind, without its values: `COPY Table`, `CHECKPOINT`, `UNWIND .. MATCH (n:Label ..`. */
function kindOf(statement: string): string {
  const copy = /^COPY (\w+)(?:\([^)]*\))? FROM '[^']*' \([^)]*?(from='\w+', to='\w+')?\)/.exec(statement);
  if (copy) return `COPY ${copy[1]}${copy[2] ? ` ${copy[2]}` : ''}`;
  const label = /\((\w+):(\w+)/.exec(statement);
  const head = statement.split(/\s+/).slice(0, 1).join(' ');
  if (/^(BEGIN|COMMIT|ROLLBACK|CHECKPOINT)/.test(statement)) return statement.split(' ')[0];
  const verb = /\b(CREATE|SET|RETURN)\b/.exec(statement)?.[1] ?? '';
  return `${head} ${label ? `${label[2]}` : ''} ${verb}`.trim();
}

/**
 * Wraps Connection.query/execute to trace them; `threads` sets the engine's threads for every
 * connection's queries (IMPORT_THREADS). Returns the traced statements and a stop function.
 */
export function traceStatements(
  poolMb: () => number | undefined,
  threads?: number,
  /** Called before each statement whose kind matches (IMPORT_TRIM_BEFORE: malloc_trim there). */
  before?: { kinds: RegExp; run: () => void },
): {
  statements: TracedStatement[];
  stop: () => void;
} {
  const statements: TracedStatement[] = [];
  const texts = new WeakMap<object, string>();
  let running: { started: number; entry: TracedStatement } | null = null;
  let lastPoolRead = 0;
  let write = 1;
  const mallinfo = loadMallinfo();
  const sample = () => {
    if (!running) return;
    const rss = rssMb();
    if (rss > running.entry.rssMax) {
      running.entry.rssMax = rss;
      const now = performance.now();
      if (now - lastPoolRead > 250) {
        lastPoolRead = now;
        running.entry.poolAtMax = poolMb();
        running.entry.mallocAtMax = mallinfo?.();
      }
    }
  };
  const timer = setInterval(sample, 50);
  const proto = Connection.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = { query: proto.query, execute: proto.execute, prepare: proto.prepare };
  const traced = (fn: (...args: unknown[]) => Promise<unknown>, textOf: (args: unknown[]) => string) =>
    async function (this: Connection, ...args: unknown[]): Promise<unknown> {
      if (threads) this.setMaxNumThreadForExec(threads);
      const kind = kindOf(textOf(args));
      if (before?.kinds.test(kind)) before.run();
      const rss = rssMb();
      const entry: TracedStatement = {
        write,
        kind,
        ms: 0,
        rssStart: rss,
        rssMax: rss,
        rssEnd: rss,
      };
      const started = performance.now();
      running = { started, entry };
      try {
        return await fn.apply(this, args);
      } finally {
        sample();
        running = null;
        entry.ms = performance.now() - started;
        entry.rssEnd = rssMb();
        statements.push(entry);
        if (entry.kind === 'CHECKPOINT') write += 1;
      }
    };
  proto.prepare = async function (this: Connection, ...args: unknown[]) {
    const prepared = await original.prepare.apply(this, args);
    if (prepared && typeof prepared === 'object') texts.set(prepared, String(args[0]));
    return prepared;
  };
  proto.query = traced(original.query, (args) => String(args[0]));
  proto.execute = traced(original.execute, (args) => texts.get(args[0] as object) ?? 'prepared');
  return {
    statements,
    stop: () => {
      clearInterval(timer);
      Object.assign(proto, original);
    },
  };
}

/** The statements around the highest RSS, and per write its highest statement. */
export function summariseTrace(statements: TracedStatement[]): string[] {
  if (statements.length === 0) return [];
  const lines: string[] = [];
  const describe = (s: TracedStatement) =>
    `write ${s.write} ${s.kind}: ${Math.round(s.ms)} ms, RSS ${s.rssStart} -> max ${s.rssMax} -> ${s.rssEnd} MB` +
    (s.poolAtMax === undefined ? '' : ` (pool ${s.poolAtMax} at max)`) +
    (s.mallocAtMax ? ` (malloc in use ${s.mallocAtMax.inUse}, free ${s.mallocAtMax.free})` : '');
  const peak = statements.reduce((a, b) => (b.rssMax > a.rssMax ? b : a));
  lines.push(`highest RSS inside ${describe(peak)}`);
  const byWrite = new Map<number, TracedStatement[]>();
  for (const s of statements) byWrite.set(s.write, [...(byWrite.get(s.write) ?? []), s]);
  for (const [write, list] of byWrite) {
    const top = list.reduce((a, b) => (b.rssMax > a.rssMax ? b : a));
    const ms = list.reduce((sum, s) => sum + s.ms, 0);
    // The statements that raised RSS most within the write (their own rise), to see what grows.
    const rises = [...list]
      .sort((a, b) => b.rssMax - b.rssStart - (a.rssMax - a.rssStart))
      .slice(0, 4)
      .map((s) => `${s.kind} +${s.rssMax - s.rssStart} (${Math.round(s.ms)} ms)`);
    lines.push(
      `write ${write}: ${list.length} statements, ${(ms / 1000).toFixed(1)} s, starts at ${list[0].rssStart} MB, max ${top.rssMax} MB in ${top.kind}` +
        `${top.poolAtMax === undefined ? '' : ` (pool ${top.poolAtMax})`}` +
        `${top.mallocAtMax ? ` (malloc in use ${top.mallocAtMax.inUse}, free ${top.mallocAtMax.free})` : ''}; rises: ${rises.join(', ')}`,
    );
  }
  return lines;
}
