/**
 * The viewer inside an exported HTML snapshot: no server, no network. It reads the subgraph from
 * the page, lays it out, draws it with sigma, and offers search and an evidence panel. All text
 * goes into the page as text.
 */
import { forceAtlas2 } from '../graph/force-atlas2.js';
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { colorOf, sizeOf } from '../graph/appearance.js';
import { clear, el } from '../ui/dom.js';

interface SnapshotNode {
  id: string;
  label: string;
  caption: string;
  properties: Record<string, unknown>;
  viz?: { x?: number; y?: number; color?: string; size?: number };
}
interface SnapshotEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}
interface Evidence {
  sentence: string;
  documentId: string;
}

const data = JSON.parse(document.getElementById('graph-data')!.textContent) as {
  nodes: SnapshotNode[];
  edges: SnapshotEdge[];
  titles: Record<string, string>;
};
const graph = new MultiDirectedGraph();
const byId = new Map(data.nodes.map((node) => [node.id, node]));
data.nodes.forEach((node, index) => {
  const angle = (index / Math.max(1, data.nodes.length)) * Math.PI * 2;
  graph.addNode(node.id, {
    label: node.caption,
    x: node.viz?.x ?? Math.cos(angle) * 100,
    y: node.viz?.y ?? Math.sin(angle) * 100,
    color: node.viz?.color ?? colorOf(node.label),
    size: node.viz?.size ?? 4,
  });
});
for (const edge of data.edges) {
  if (graph.hasNode(edge.source) && graph.hasNode(edge.target) && !graph.hasEdge(edge.id))
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      type: 'arrow',
      label: edge.type,
      size: 1,
      color: '#bbbbbb',
    });
}
graph.forEachNode((id, attributes) => {
  if (!byId.get(id)?.viz?.size) graph.setNodeAttribute(id, 'size', sizeOf(graph.degree(id)));
  void attributes;
});
if (!data.nodes.some((node) => node.viz?.x !== undefined) && graph.order > 1)
  forceAtlas2.assign(graph, { iterations: 150, settings: forceAtlas2.inferSettings(graph) });

let selected: string | null = null;
const renderer = new Sigma(graph, document.getElementById('graph')!, {
  labelRenderedSizeThreshold: 6,
  defaultEdgeType: 'arrow',
});
renderer.setSetting('nodeReducer', (node, attributes) => {
  if (!selected) return attributes;
  if (node === selected) return { ...attributes, highlighted: true, forceLabel: true };
  return graph.areNeighbors(node, selected)
    ? { ...attributes, forceLabel: true }
    : { ...attributes, color: '#dddddd', label: '' };
});

function evidenceOf(edge: SnapshotEdge): Evidence[] {
  try {
    const parsed: unknown = JSON.parse(String(edge.properties.evidence ?? '[]'));
    return Array.isArray(parsed) ? (parsed as Evidence[]) : [];
  } catch {
    return [];
  }
}

const panel = document.getElementById('panel')!;
function show(id: string): void {
  selected = id;
  renderer.refresh({ skipIndexation: true });
  const node = byId.get(id)!;
  clear(panel);
  panel.append(el('h2', {}, node.caption), el('p', { class: 'kind' }, node.label));
  const list = el('dl');
  for (const [key, value] of Object.entries(node.properties)) {
    if (
      value === null ||
      value === '' ||
      key === 'evidence' ||
      key === 'searchText' ||
      key === 'text' ||
      (Array.isArray(value) && value.length === 0)
    )
      continue;
    list.append(el('dt', {}, key), el('dd', {}, Array.isArray(value) ? value.join(', ') : String(value)));
  }
  panel.append(list);
  if (typeof node.properties.text === 'string') panel.append(el('blockquote', {}, node.properties.text));
  const incident = data.edges.filter((edge) => edge.source === id || edge.target === id);
  for (const edge of incident) {
    const other = byId.get(edge.source === id ? edge.target : edge.source);
    const item = el(
      'div',
      { class: 'relation', 'data-testid': 'snapshot-relation' },
      el('strong', {}, `${edge.type} ${edge.source === id ? '→' : '←'} ${other?.caption ?? ''}`),
    );
    for (const evidence of evidenceOf(edge).slice(0, 3))
      item.append(
        el(
          'blockquote',
          { 'data-testid': 'snapshot-evidence' },
          evidence.sentence,
          el('footer', {}, data.titles[evidence.documentId] ?? evidence.documentId),
        ),
      );
    if (typeof edge.properties.sentence === 'string')
      item.append(el('blockquote', { 'data-testid': 'snapshot-evidence' }, edge.properties.sentence));
    panel.append(item);
  }
  panel.hidden = false;
}

renderer.on('clickNode', ({ node }) => show(node));
const input = document.getElementById('search') as HTMLInputElement;
const results = document.getElementById('results')!;
input.addEventListener('input', () => {
  clear(results);
  const query = input.value.trim().toLowerCase();
  if (query === '') return;
  const hits = data.nodes
    .filter(
      (node) =>
        node.caption.toLowerCase().includes(query) ||
        (Array.isArray(node.properties.aliases) &&
          (node.properties.aliases as string[]).some((a) => a.toLowerCase().includes(query))),
    )
    .slice(0, 10);
  for (const hit of hits) {
    const button = el('button', { type: 'button', 'data-testid': 'snapshot-hit' }, `${hit.caption} (${hit.label})`);
    button.addEventListener('click', () => show(hit.id));
    results.append(el('li', {}, button));
  }
});
document.body.dataset.graphReady = 'true';
