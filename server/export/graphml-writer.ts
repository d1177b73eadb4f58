/**
 * GraphML (yEd, Cytoscape, Gephi, NetworkX): keys declared with their types before the graph,
 * one <data> per non-null property. The `label` key is the node's caption (its name, title or
 * statement text), since Gephi shows that key as every node's name; the node's type (Actor, …) is
 * the key `nodeLabel`, as in GEXF, and the edge type `type`. A view exported while communities are
 * computed carries each node's `community`. Lists are JSON arrays in a string key (GraphML has no
 * list type). Streams as string chunks.
 */
import type { PropType } from '../domain/schema.js';
import { edgePropertyTypes, exportCaption, nodePropertyTypes, type ExportSource } from './export-graph.js';
import { propertyText } from './property-text.js';
import { xmlText } from './xml-text.js';

const GRAPHML_TYPE: Record<PropType, string> = {
  string: 'string',
  int: 'long',
  float: 'double',
  bool: 'boolean',
  'string[]': 'string',
};

function keyLines(prefix: 'n' | 'e', scope: 'node' | 'edge', types: Map<string, PropType>): string[] {
  return [...types].map(
    ([name, type]) =>
      `  <key id="${prefix}_${xmlText(name)}" for="${scope}" attr.name="${xmlText(name)}" attr.type="${GRAPHML_TYPE[type]}"/>`,
  );
}

function dataLines(prefix: 'n' | 'e', types: Map<string, PropType>, properties: Record<string, unknown>): string {
  let out = '';
  for (const [name, type] of types) {
    const value = properties[name];
    if (value === null || value === undefined) continue;
    out += `      <data key="${prefix}_${xmlText(name)}">${xmlText(propertyText(value as never, type))}</data>\n`;
  }
  return out;
}

export async function* writeGraphml(source: ExportSource): AsyncGenerator<string> {
  const nodeTypes = nodePropertyTypes();
  const edgeTypes = edgePropertyTypes();
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ';
  yield 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  yield '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n';
  yield '  <key id="nodeLabel" for="node" attr.name="nodeLabel" attr.type="string"/>\n';
  yield '  <key id="community" for="node" attr.name="community" attr.type="int"/>\n';
  yield '  <key id="x" for="node" attr.name="x" attr.type="double"/>\n';
  yield '  <key id="y" for="node" attr.name="y" attr.type="double"/>\n';
  yield '  <key id="color" for="node" attr.name="color" attr.type="string"/>\n';
  yield '  <key id="size" for="node" attr.name="size" attr.type="double"/>\n';
  yield '  <key id="type" for="edge" attr.name="type" attr.type="string"/>\n';
  yield `${keyLines('n', 'node', nodeTypes).join('\n')}\n`;
  yield `${keyLines('e', 'edge', edgeTypes).join('\n')}\n`;
  yield '  <graph id="actorgraph" edgedefault="directed">\n';
  for await (const node of source.nodes()) {
    const caption = exportCaption(node.properties, node.id);
    let out = `    <node id="${xmlText(node.id)}">\n      <data key="label">${xmlText(caption)}</data>\n`;
    out += `      <data key="nodeLabel">${xmlText(node.label)}</data>\n`;
    if (node.viz?.community !== undefined) out += `      <data key="community">${node.viz.community}</data>\n`;
    if (node.viz?.x !== undefined) out += `      <data key="x">${node.viz.x}</data>\n`;
    if (node.viz?.y !== undefined) out += `      <data key="y">${node.viz.y}</data>\n`;
    if (node.viz?.color) out += `      <data key="color">${xmlText(node.viz.color)}</data>\n`;
    if (node.viz?.size !== undefined) out += `      <data key="size">${node.viz.size}</data>\n`;
    yield `${out}${dataLines('n', nodeTypes, node.properties)}    </node>\n`;
  }
  for await (const edge of source.edges()) {
    const head = `    <edge id="${xmlText(edge.id)}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}">\n`;
    yield `${head}      <data key="type">${xmlText(edge.type)}</data>\n${dataLines('e', edgeTypes, edge.properties)}    </edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}
