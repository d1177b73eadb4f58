/**
 * actorgraph's own JSON (the CLI's and API's stable shape, issue 2):
 * {"nodes":[{"id","label","properties"}],"edges":[{"id","type","source","target","properties"}]}.
 */
import type { ExportSource } from './export-graph.js';

export async function* writeActorgraphJson(source: ExportSource): AsyncGenerator<string> {
  yield '{"nodes":[';
  let first = true;
  for await (const { id, label, properties } of source.nodes()) {
    yield `${first ? '' : ','}\n${JSON.stringify({ id, label, properties })}`;
    first = false;
  }
  yield '\n],"edges":[';
  first = true;
  for await (const { id, type, source: from, target, properties } of source.edges()) {
    yield `${first ? '' : ','}\n${JSON.stringify({ id, type, source: from, target, properties })}`;
    first = false;
  }
  yield '\n]}\n';
}
