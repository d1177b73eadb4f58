/**
 * Every export format read back by a reader nobody here wrote — NetworkX, graphology's parsers,
 * graphology's Graph.from — and compared with the source graph: same nodes, relationships,
 * labels and properties, tricky text included.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { NODE_PROPS, REL_PROPS } from '../../server/domain/schema.js';
import { sourceFromBatch, type ExportSource } from '../../server/export/export-graph.js';
import { writeGexf, type GexfVersion } from '../../server/export/gexf-writer.js';
import { writeGraphml } from '../../server/export/graphml-writer.js';
import { writeGraphologyJson } from '../../server/export/graphology-json-writer.js';
import { expectedProperties, exportFixture } from '../helpers/export-fixture.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const SYSTEM_PYTHON = '/usr/bin/python3';
const NETWORKX = join(REPO_ROOT, 'test', 'readers', 'networkx_read.py');
const fixture = exportFixture();

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

function source(): ExportSource {
  return sourceFromBatch(fixture);
}

/** Reader attribute values back to model values: JSON lists decoded, numbers as numbers. */
function decode(label: string, key: string, value: unknown, kind: 'node' | 'edge'): unknown {
  const declared =
    kind === 'node' ? NODE_PROPS[label as keyof typeof NODE_PROPS] : REL_PROPS[label as keyof typeof REL_PROPS];
  const type = declared?.[key];
  if (type === 'string[]' && typeof value === 'string') return JSON.parse(value);
  if ((type === 'int' || type === 'float') && typeof value === 'string') return Number(value);
  return value;
}

interface ReadBack {
  nodes: Array<{ id: string; attributes: Record<string, unknown> }>;
  edges: Array<{ source: string; target: string; attributes: Record<string, unknown> }>;
}

function expectSameGraph(read: ReadBack, labelKey: string): void {
  expect(read.nodes).toHaveLength(fixture.nodes.length);
  expect(read.edges).toHaveLength(fixture.edges.length);
  for (const node of fixture.nodes) {
    const found = read.nodes.find((candidate) => candidate.id === node.id);
    expect(found, node.id).toBeDefined();
    expect(found!.attributes[labelKey], node.id).toBe(node.label);
    const expected = expectedProperties(node.label, node.properties, 'node');
    for (const [key, value] of Object.entries(expected)) {
      expect(decode(node.label, key, found!.attributes[key], 'node'), `${node.id}.${key}`).toEqual(value);
    }
  }
  for (const edge of fixture.edges) {
    const found = read.edges.find(
      (candidate) =>
        candidate.source === edge.source && candidate.target === edge.target && candidate.attributes.type === edge.type,
    );
    expect(found, edge.id).toBeDefined();
    const expected = expectedProperties(edge.type, edge.properties, 'edge');
    for (const [key, value] of Object.entries(expected)) {
      expect(decode(edge.type, key, found!.attributes[key], 'edge'), `${edge.id}.${key}`).toEqual(value);
    }
  }
}

function networkx(kind: 'graphml' | 'gexf', content: string, version?: GexfVersion): ReadBack {
  const file = join(tempDir(), `graph.${kind}`);
  writeFileSync(file, content);
  const out = execFileSync(SYSTEM_PYTHON, [NETWORKX, kind, file, ...(version ? [version] : [])], { encoding: 'utf8' });
  return JSON.parse(out) as ReadBack;
}

function fromGraphology(graph: AbstractGraph): ReadBack {
  return {
    nodes: graph.mapNodes((id, attributes) => ({ id, attributes })),
    edges: graph.mapEdges((_key, attributes, source, target) => ({ source, target, attributes })),
  };
}

afterAll(removeTempDirs);

describe('exports read back by other tools', () => {
  it('GraphML: NetworkX reads the same graph', async () => {
    expectSameGraph(networkx('graphml', await text(writeGraphml(source()))), 'nodeLabel');
  });

  it('GraphML: graphology-graphml reads the same graph', async () => {
    const graph = parseGraphml(MultiDirectedGraph, await text(writeGraphml(source())), { addMissingNodes: false });
    expectSameGraph(fromGraphology(graph), 'nodeLabel');
  });

  it('GraphML: the label Gephi shows is the name, not the type; a view carries its communities', async () => {
    const withCommunities = sourceFromBatch(fixture);
    const nodes = withCommunities.nodes;
    withCommunities.nodes = async function* () {
      for await (const node of nodes()) yield { ...node, viz: { community: 2 } };
    };
    const read = networkx('graphml', await text(writeGraphml(withCommunities)));
    const ada = read.nodes.find((node) => node.id === 'actor:ada-lovelace')!;
    expect(ada.attributes).toMatchObject({ label: 'Ada Lovelace', nodeLabel: 'Actor', community: 2 });
    const graph = parseGraphml(MultiDirectedGraph, await text(writeGraphml(withCommunities)));
    expect(graph.getNodeAttributes('actor:ada-lovelace')).toMatchObject({ label: 'Ada Lovelace', community: 2 });
  });

  it('GEXF: a view carries its communities', async () => {
    const withCommunities = sourceFromBatch(fixture);
    const nodes = withCommunities.nodes;
    withCommunities.nodes = async function* () {
      for await (const node of nodes()) yield { ...node, viz: { community: 3 } };
    };
    const graph = parseGexf(MultiDirectedGraph, await text(writeGexf(withCommunities, '1.3')));
    expect(graph.getNodeAttributes('actor:ada-lovelace')).toMatchObject({ label: 'Ada Lovelace', community: 3 });
  });

  it('GEXF 1.3: graphology-gexf reads the same graph, with view positions and colours', async () => {
    const withViz = sourceFromBatch(fixture);
    const nodes = withViz.nodes;
    withViz.nodes = async function* () {
      for await (const node of nodes()) yield { ...node, viz: { x: 1.5, y: -2, color: '#1f77b4', size: 7 } };
    };
    const content = await text(writeGexf(withViz, '1.3'));
    const graph = parseGexf(MultiDirectedGraph, content);
    expectSameGraph(fromGraphology(graph), 'nodeLabel');
    expect(graph.getNodeAttributes('actor:ada-lovelace')).toMatchObject({
      x: 1.5,
      y: -2,
      size: 7,
      color: 'rgb(31,119,180)',
    });
  });

  it('GEXF 1.2draft: NetworkX reads the same graph', async () => {
    expectSameGraph(networkx('gexf', await text(writeGexf(source(), '1.2draft')), '1.2draft'), 'nodeLabel');
  });

  it('JSON: graphology Graph.from (MultiDirectedGraph.from) reads the same graph', async () => {
    const graph = MultiDirectedGraph.from(JSON.parse(await text(writeGraphologyJson(source()))));
    expectSameGraph(fromGraphology(graph), 'label');
    expect(graph.type).toBe('directed');
  });
});
