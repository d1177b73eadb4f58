/**
 * GEXF for Gephi: version 1.3 by default (viz positions, colours, sizes when exported from the
 * view), or 1.2draft for readers that know only that one (NetworkX 2.8). Attributes are declared
 * with their types; lists are JSON arrays in string attributes. The node's label (Actor, …) is the
 * attribute nodeLabel, since GEXF's own label attribute is the caption Gephi shows. Streams as string chunks.
 */
import type { PropType } from '../domain/schema.js';
import {
  edgePropertyTypes,
  exportCaption,
  nodePropertyTypes,
  type ExportNode,
  type ExportSource,
  type Viz,
} from './export-graph.js';
import { propertyText } from './property-text.js';
import { xmlText } from './xml-text.js';

export type GexfVersion = '1.3' | '1.2draft';

const NAMESPACES: Record<GexfVersion, { gexf: string; viz: string }> = {
  '1.3': { gexf: 'http://gexf.net/1.3', viz: 'http://gexf.net/1.3/viz' },
  '1.2draft': { gexf: 'http://www.gexf.net/1.2draft', viz: 'http://www.gexf.net/1.2draft/viz' },
};

const GEXF_TYPE: Record<PropType, string> = {
  string: 'string',
  int: 'long',
  float: 'double',
  bool: 'boolean',
  'string[]': 'string',
};

function declarations(scope: 'node' | 'edge', types: Map<string, PropType>): string {
  const lines = [...types].map(
    ([name, type]) => `        <attribute id="${xmlText(name)}" title="${xmlText(name)}" type="${GEXF_TYPE[type]}"/>`,
  );
  const extra =
    scope === 'node'
      ? [
          '        <attribute id="nodeLabel" title="nodeLabel" type="string"/>',
          '        <attribute id="community" title="community" type="integer"/>',
        ]
      : ['        <attribute id="type" title="type" type="string"/>'];
  return `      <attributes class="${scope}">\n${[...extra, ...lines].join('\n')}\n      </attributes>\n`;
}

function attvalues(
  types: Map<string, PropType>,
  properties: Record<string, unknown>,
  fixed: Array<[string, string]>,
): string {
  let out = '';
  for (const [name, value] of fixed) out += `          <attvalue for="${name}" value="${xmlText(value)}"/>\n`;
  for (const [name, type] of types) {
    const value = properties[name];
    if (value === null || value === undefined) continue;
    out += `          <attvalue for="${xmlText(name)}" value="${xmlText(propertyText(value as never, type))}"/>\n`;
  }
  return `        <attvalues>\n${out}        </attvalues>\n`;
}

/** The node's type, and its community when the view was exported with communities computed. */
function nodeAttributes(node: ExportNode): Array<[string, string]> {
  const community = node.viz?.community;
  return [
    ['nodeLabel', node.label],
    ...(community === undefined ? [] : [['community', String(community)] as [string, string]]),
  ];
}

function vizLines(viz: Viz | undefined): string {
  if (!viz) return '';
  let out = '';
  const rgb = viz.color && /^#([0-9a-f]{6})$/i.exec(viz.color);
  if (rgb) {
    const n = parseInt(rgb[1], 16);
    out += `        <viz:color r="${(n >> 16) & 255}" g="${(n >> 8) & 255}" b="${n & 255}"/>\n`;
  }
  if (viz.x !== undefined && viz.y !== undefined) out += `        <viz:position x="${viz.x}" y="${viz.y}" z="0"/>\n`;
  if (viz.size !== undefined) out += `        <viz:size value="${viz.size}"/>\n`;
  return out;
}

export async function* writeGexf(source: ExportSource, version: GexfVersion = '1.3'): AsyncGenerator<string> {
  const ns = NAMESPACES[version];
  const nodeTypes = nodePropertyTypes();
  const edgeTypes = edgePropertyTypes();
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<gexf xmlns="${ns.gexf}" xmlns:viz="${ns.viz}" version="${version === '1.3' ? '1.3' : '1.2'}">\n`;
  yield '  <meta>\n    <creator>actorgraph</creator>\n  </meta>\n';
  yield '  <graph defaultedgetype="directed" mode="static">\n';
  yield declarations('node', nodeTypes);
  yield declarations('edge', edgeTypes);
  yield '    <nodes>\n';
  for await (const node of source.nodes()) {
    yield `      <node id="${xmlText(node.id)}" label="${xmlText(exportCaption(node.properties, node.id))}">\n${attvalues(nodeTypes, node.properties, nodeAttributes(node))}${vizLines(node.viz)}      </node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for await (const edge of source.edges()) {
    const head = `      <edge id="${xmlText(edge.id)}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}" label="${xmlText(edge.type)}">\n`;
    yield `${head}${attvalues(edgeTypes, edge.properties, [['type', edge.type]])}${vizLines(edge.viz)}      </edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
