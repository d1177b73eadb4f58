/**
 * A parameter-free Cypher script that recreates the subgraph in Neo4j: constraints, then one
 * `MERGE` on `id` per node and per relationship, so running it twice changes nothing.
 */
import { NODE_LABELS, type PropValue } from '../domain/graph.js';
import type { ExportSource } from './export-graph.js';

/** A Cypher string literal: backslashes, quotes and control characters escaped. */
export function cypherString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${escaped}'`;
}

/** An identifier (label, type, key) in backticks, backticks doubled. */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

function literal(value: PropValue): string {
  if (Array.isArray(value)) return `[${value.map((item) => cypherString(String(item))).join(', ')}]`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  return cypherString(String(value));
}

function propertyMap(properties: Record<string, PropValue>): string {
  const entries = Object.entries(properties).filter(([, value]) => value !== null && value !== undefined);
  return `{${entries.map(([key, value]) => `${cypherName(key)}: ${literal(value)}`).join(', ')}}`;
}

export async function* writeCypherScript(source: ExportSource): AsyncGenerator<string> {
  yield '// actorgraph export: run in an empty (or the same) Neo4j 5 database, e.g. cypher-shell -f export.cypher\n';
  // Constraints for every label of the model first (so each MERGE is an index lookup), then
  // nodes as they stream; only the id -> label map is kept, to MATCH endpoints by label.
  for (const label of NODE_LABELS) {
    yield `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;\n`;
  }
  const labels = new Map<string, string>();
  for await (const node of source.nodes()) {
    labels.set(node.id, node.label);
    yield `MERGE (n:${cypherName(node.label)} {id: ${cypherString(node.id)}}) SET n += ${propertyMap(node.properties)};\n`;
  }
  for await (const edge of source.edges()) {
    const from = labels.get(edge.source);
    const to = labels.get(edge.target);
    const a = from
      ? `(a:${cypherName(from)} {id: ${cypherString(edge.source)}})`
      : `(a {id: ${cypherString(edge.source)}})`;
    const b = to
      ? `(b:${cypherName(to)} {id: ${cypherString(edge.target)}})`
      : `(b {id: ${cypherString(edge.target)}})`;
    yield `MATCH ${a} MATCH ${b} MERGE (a)-[r:${cypherName(edge.type)} {id: ${cypherString(edge.id)}}]->(b) SET r += ${propertyMap(edge.properties)};\n`;
  }
}
