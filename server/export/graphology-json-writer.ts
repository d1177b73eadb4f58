/**
 * graphology's serialisation format (`Graph.from(json)` / `graph.import(json)`):
 * {attributes, options, nodes: [{key, attributes}], edges: [{key, source, target, attributes}]}.
 * The node label and edge type are attributes; view positions become x, y, color, size.
 */
import type { ExportSource } from './export-graph.js';

export async function* writeGraphologyJson(source: ExportSource): AsyncGenerator<string> {
  yield '{"attributes":{"name":"actorgraph export"},"options":{"type":"directed","multi":true,"allowSelfLoops":true},"nodes":[';
  let first = true;
  for await (const node of source.nodes()) {
    const attributes = { label: node.label, ...node.properties, ...(node.viz ?? {}) };
    yield `${first ? '' : ','}\n${JSON.stringify({ key: node.id, attributes })}`;
    first = false;
  }
  yield '\n],"edges":[';
  first = true;
  for await (const edge of source.edges()) {
    const attributes = { type: edge.type, ...edge.properties, ...(edge.viz ?? {}) };
    yield `${first ? '' : ','}\n${JSON.stringify({ key: edge.id, source: edge.source, target: edge.target, attributes })}`;
    first = false;
  }
  yield '\n]}\n';
}
