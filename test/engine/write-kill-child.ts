/**
 * Child process of write-kill.test.ts: writes batch `part` (0: the first, 1: the second) of a
 * generated graph into the database through KuzuStore's BatchWriter, and prints a line naming
 * each point of the write as it reaches it (`point begin`, `point copy <table>`, `point degrees`, `point commit`,
 * `point finish`), so that the parent can kill it there with SIGKILL.
 * Run: node --import tsx test/engine/write-kill-child.ts <db> <part>
 */
import { Connection } from '@ladybugdb/core';
import { writeSync } from 'node:fs';
import type { GraphBatch, GraphEdge, GraphNode } from '../../server/domain/graph.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';

/** Synchronous, so that the line is out before the statement starts. */
function say(line: string): void {
  writeSync(1, `${line}\n`);
}

type QueryFn = (statement: string, ...rest: unknown[]) => Promise<unknown>;
const prototype = Connection.prototype as unknown as { query: QueryFn };
const query = prototype.query;
prototype.query = function (this: unknown, statement: string, ...rest: unknown[]) {
  if (statement === 'BEGIN TRANSACTION') say('point begin');
  else if (statement === 'COMMIT') say('point commit');
  else if (statement.startsWith('COPY ')) say(`point copy ${statement.split(' ')[1]}`);
  return query.call(this, statement, ...rest);
};
// The degrees are added to by prepared statements (kuzu-degrees.ts), after the rows, before the commit.
const prepare = (Connection.prototype as unknown as { prepare: QueryFn }).prepare;
(Connection.prototype as unknown as { prepare: QueryFn }).prepare = function (
  this: unknown,
  statement: string,
  ...rest: unknown[]
) {
  if (statement.includes('SET n._degree')) say('point degrees');
  return prepare.call(this, statement, ...rest);
};

/** People, their statements and the relationships among them, with long texts: COPY takes a while. */
export function generatedBatch(part: number, size: number): GraphBatch {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const filler = 'Quoted "words", commas, and a line\nbreak — 東京. '.repeat(8);
  for (let i = 0; i < size; i++) {
    const actor = `actor:p${part}-${i}`;
    const statement = `stmt:p${part}-${i}`;
    nodes.push({
      id: actor,
      label: 'Actor',
      properties: {
        name: `Person ${part} ${i}`,
        kind: 'person',
        aliases: [`P${i}`],
        description: null,
        searchText: `Person ${part} ${i}`,
        rule: 'test',
        confidence: 1,
        evidence: filler,
      },
    });
    nodes.push({
      id: statement,
      label: 'Statement',
      properties: {
        text: filler,
        kind: 'quote',
        date: null,
        dateSource: null,
        speaker: actor,
        rule: 'test',
        confidence: 0.5,
      },
    });
    const fact = { rule: 'test', confidence: 0.5, evidence: filler, date: null };
    edges.push({
      id: `SAID:${actor}->${statement}`,
      type: 'SAID',
      source: actor,
      target: statement,
      sourceLabel: 'Actor',
      targetLabel: 'Statement',
      properties: fact,
    });
    // About someone of the first part: the second part's relationships reach into existing nodes.
    const other = `actor:p0-${(i * 7) % size}`;
    edges.push({
      id: `ABOUT:${statement}->${other}`,
      type: 'ABOUT',
      source: statement,
      target: other,
      sourceLabel: 'Statement',
      targetLabel: 'Actor',
      properties: fact,
    });
  }
  return { nodes, edges };
}

export const BATCH_SIZE = 3000;

async function main(): Promise<void> {
  const [path, part] = process.argv.slice(2);
  const store = await KuzuStore.open({ path, readOnly: false });
  const run = await store.beginWrites();
  await run.write(generatedBatch(Number(part), BATCH_SIZE));
  say('point finish');
  await run.finish();
  await store.close();
  say('point done');
}

if (process.argv[1]?.endsWith('write-kill-child.ts')) await main();
