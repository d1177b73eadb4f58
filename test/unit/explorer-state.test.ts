/**
 * The explorer's state and dataset logic without a browser: links (encode, decode, hostile
 * links), filters (dates, types, article, degree), collapse, undo, saved views and the metrics.
 */
import { describe, expect, it } from 'vitest';
import { collapse, hideNodes, togglePins } from '../../client/explore/expansion.js';
import { CanvasHistory } from '../../client/graph/canvas-history.js';
import { LABEL_COLORS } from '../../client/graph/appearance.js';
import { createGraph, dateExtent, mergePayload } from '../../client/graph/dataset.js';
import { DerivedView } from '../../client/graph/derived-view.js';
import { BETWEENNESS_MAX_NODES, MetricsCache } from '../../client/graph/metrics.js';
import { computeVisibility } from '../../client/graph/visibility.js';
import { edgeReducer, nodeReducer } from '../../client/sigma/reducers.js';
import type { CanvasTheme } from '../../client/sigma/theme.js';
import { Appearance } from '../../client/state/appearance.js';
import { DEFAULT_FILTERS, Filters } from '../../client/state/filters.js';
import { deleteView, listViews, saveView } from '../../client/state/saved-views.js';
import { Interaction } from '../../client/state/selection.js';
import { decodeView, encodeView, type ViewState } from '../../client/state/view-state.js';
import { edge, node, sampleCanvas } from '../helpers/canvas-graph.js';

describe('links to a view', () => {
  const view: ViewState = {
    selection: ['actor:ilham-aliyev'],
    expansions: [{ id: 'doc:1', types: ['MENTIONED_IN'], pages: 2 }],
    hidden: ['actor:x'],
    query: { query: 'MATCH (n) RETURN n LIMIT 5', params: { name: 'Ilham Aliyev' }, mode: 'replace' },
    path: { from: 'a', to: 'b', types: ['SAID', 'ABOUT'] },
    filters: { ...DEFAULT_FILTERS, hiddenLabels: ['Place'], dateFrom: '2021-01-01', minDegree: 2 },
    appearance: { colorMode: 'community', sizeMode: 'pagerank' },
    camera: { x: 0.4, y: 0.6, ratio: 0.5, angle: 0 },
    positions: { 'actor:ilham-aliyev': [1.5, -2] },
  };

  it('decodes what it encodes, non-ASCII text included', () => {
    const withUnicode = { ...view, selection: ['actor:ərdoğan-«»'] };
    expect(decodeView(`#${encodeView(withUnicode)}`)).toEqual(withUnicode);
  });

  it('has no view when the address has none', () => {
    expect(decodeView('')).toBeNull();
    expect(decodeView('#other=1')).toBeNull();
  });

  it('says clearly when a link is broken', () => {
    expect(() => decodeView('#view=%%%not-base64')).toThrow(/could not be read/);
    expect(() => decodeView(`#view=${btoa('[1,2]')}`)).toThrow(/could not be read/);
  });

  it('drops what does not have the right shape instead of trusting it', () => {
    const hostile = btoa(
      JSON.stringify({
        selection: ['ok', 7, { evil: true }],
        expansions: [{ id: 'x', pages: 1e9 }, { id: 3 }],
        filters: { minDegree: 'lots', dateFrom: '2021-01-01T00:00:00<script>', hiddenLabels: 'Actor' },
        appearance: { colorMode: 'javascript:alert(1)', sizeMode: 'betweenness' },
        camera: { x: 'NaN', y: 1, ratio: 1, angle: 0 },
        positions: { a: [1, 2], b: ['x', 2] },
      }),
    );
    const decoded = decodeView(`#view=${hostile}`)!;
    expect(decoded.selection).toEqual(['ok']);
    expect(decoded.expansions).toEqual([{ id: 'x', types: [], pages: 50 }]);
    expect(decoded.filters).toEqual(DEFAULT_FILTERS);
    expect(decoded.appearance).toEqual({ colorMode: 'label', sizeMode: 'betweenness' });
    expect(decoded.camera).toBeNull();
    expect(decoded.positions).toEqual({ a: [1, 2] });
  });
});

describe('filters', () => {
  it('hide statements and relations outside the date range, a month standing for its first day', () => {
    const graph = sampleCanvas();
    expect(dateExtent(graph)).toEqual({ min: '2020-10-23', max: '2021-03-01' });
    const visibility = computeVisibility(graph, { ...DEFAULT_FILTERS, dateFrom: '2021-01-01' });
    expect([...visibility.hiddenNodes]).toEqual(['s2020']);
    // Edges of a hidden node go with it; the dated CRITICIZED edge stays inside the range.
    expect([...visibility.hiddenEdges].sort()).toEqual(['e1', 'e4']);
    const until = computeVisibility(graph, { ...DEFAULT_FILTERS, dateTo: '2021-02-01' });
    expect(until.hiddenEdges.has('e6')).toBe(true);
    expect(until.hiddenNodes.has('s2021')).toBe(false);
  });

  it('hide relationship types and labels', () => {
    const graph = sampleCanvas();
    const visibility = computeVisibility(graph, {
      ...DEFAULT_FILTERS,
      hiddenRelTypes: ['SAID'],
      hiddenLabels: ['Document'],
    });
    expect([...visibility.hiddenNodes]).toEqual(['doc']);
    expect([...visibility.hiddenEdges].sort()).toEqual(['e1', 'e2', 'e4', 'e5']);
  });

  it('keep one article with what it reports', () => {
    const visibility = computeVisibility(sampleCanvas(), { ...DEFAULT_FILTERS, documentId: 'doc' });
    expect([...visibility.hiddenNodes].sort()).toEqual(['a', 'b', 'lonely']);
  });

  it('count only the relationships still shown for the minimum degree', () => {
    const graph = sampleCanvas();
    // Degrees: a 3, s2021 3, b 2, s2020 2, doc 2, lonely 0.
    expect([...computeVisibility(graph, { ...DEFAULT_FILTERS, minDegree: 3 }).hiddenNodes].sort()).toEqual([
      'b',
      'doc',
      'lonely',
      's2020',
    ]);
    // Without CRITICIZED, b keeps one relationship and falls below 2.
    const narrowed = computeVisibility(graph, { ...DEFAULT_FILTERS, minDegree: 2, hiddenRelTypes: ['CRITICIZED'] });
    expect(narrowed.hiddenNodes.has('b')).toBe(true);
    expect(narrowed.hiddenNodes.has('a')).toBe(false);
  });
});

describe('what the canvas shows by default', () => {
  it('hides mentions, which stay available in the filters, and keeps who said what about whom', () => {
    const graph = sampleCanvas();
    mergePayload(
      graph,
      { nodes: [], edges: [edge('m1', 'MENTIONED_IN', 'a', 'doc'), edge('m2', 'MENTIONED_IN', 'b', 'doc')] },
      'query',
    );
    const filters = new Filters();
    const hidden = computeVisibility(graph, filters.current).hiddenEdges;
    expect([...hidden].sort()).toEqual(['m1', 'm2']);
    filters.toggleRelType('MENTIONED_IN');
    expect(computeVisibility(graph, filters.current).hiddenEdges.size).toBe(0);
  });
});

describe('collapse, hide, pin and undo', () => {
  it('collapse takes away what an expansion brought, unless something else keeps it there', () => {
    const graph = sampleCanvas();
    mergePayload(
      graph,
      { nodes: [node('n1', 'Actor'), node('n2', 'Actor')], edges: [edge('x1', 'MET', 'a', 'n1')] },
      'expand:a',
    );
    mergePayload(graph, { nodes: [node('n3', 'Actor')], edges: [] }, 'expand:n1');
    mergePayload(graph, { nodes: [node('n2', 'Actor')], edges: [] }, 'query');
    graph.setNodeAttribute('a', 'expansion', { types: [], shown: 2, complete: true });
    expect(collapse(graph, 'a')).toBe(2); // n1, and n3 which n1's expansion brought
    expect(graph.hasNode('n1')).toBe(false);
    expect(graph.hasNode('n3')).toBe(false);
    expect(graph.getNodeAttribute('n2', 'origins')).toEqual(['query']);
    expect(graph.getNodeAttribute('a', 'expansion')).toBeUndefined();
  });

  it('pinned nodes stay when their expansion collapses', () => {
    const graph = sampleCanvas();
    mergePayload(graph, { nodes: [node('n1', 'Actor')], edges: [] }, 'expand:a');
    expect(togglePins(graph, ['n1'])).toBe(true);
    expect(collapse(graph, 'a')).toBe(0);
    expect(graph.hasNode('n1')).toBe(true);
    expect(togglePins(graph, ['n1'])).toBe(false);
    expect(graph.getNodeAttribute('n1', 'fixed')).toBeUndefined();
  });

  it('undo puts back the canvas as it was, positions included, and keeps a bounded number of steps', () => {
    const graph = sampleCanvas();
    graph.setNodeAttribute('a', 'x', 42);
    const labels: Array<string | null> = [];
    const history = new CanvasHistory(graph, (last) => labels.push(last), 2);
    history.record('hide a');
    hideNodes(graph, ['a', 'b']);
    expect(graph.order).toBe(4);
    history.record('hide doc');
    hideNodes(graph, ['doc']);
    history.record('hide lonely');
    expect(history.size).toBe(2);
    expect(history.undo()).toBe('hide lonely');
    expect(history.undo()).toBe('hide doc');
    expect(graph.hasNode('doc')).toBe(true);
    expect(history.undo()).toBeNull(); // the oldest step was dropped
    expect(graph.hasNode('a')).toBe(false);
    expect(labels.at(-1)).toBeNull();
  });
});

describe('saved views', () => {
  class MemoryStorage implements Storage {
    private items = new Map<string, string>();
    get length() {
      return this.items.size;
    }
    clear() {
      this.items.clear();
    }
    getItem(key: string) {
      return this.items.get(key) ?? null;
    }
    key(index: number) {
      return [...this.items.keys()][index] ?? null;
    }
    removeItem(key: string) {
      this.items.delete(key);
    }
    setItem(key: string, value: string) {
      this.items.set(key, value);
    }
  }

  it('saves by name (newest first, same name replaced), deletes, and survives a damaged store', () => {
    const storage = new MemoryStorage();
    saveView('Aliyev', 'view=a', storage);
    saveView('Minsk Group', 'view=b', storage);
    saveView('Aliyev', 'view=c', storage);
    expect(listViews(storage).map((v) => [v.name, v.hash])).toEqual([
      ['Aliyev', 'view=c'],
      ['Minsk Group', 'view=b'],
    ]);
    expect(() => saveView('   ', 'view=d', storage)).toThrow(/name/);
    expect(deleteView('Aliyev', storage).map((v) => v.name)).toEqual(['Minsk Group']);
    storage.setItem('actorgraph.savedViews', '{broken');
    expect(listViews(storage)).toEqual([]);
  });
});

describe('metrics', () => {
  it('finds two communities in two triangles joined by one edge, and the bridge ends rank highest', () => {
    const graph = createGraph();
    const ids = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'];
    mergePayload(
      graph,
      {
        nodes: ids.map((id) => node(id, 'Actor')),
        edges: [
          edge('1', 'MET', 'a1', 'a2'),
          edge('2', 'MET', 'a2', 'a3'),
          edge('3', 'MET', 'a3', 'a1'),
          edge('4', 'MET', 'b1', 'b2'),
          edge('5', 'MET', 'b2', 'b3'),
          edge('6', 'MET', 'b3', 'b1'),
          edge('7', 'MET', 'a1', 'b1'),
        ],
      },
      'overview',
    );
    const metrics = new MetricsCache(graph);
    const communities = metrics.communities();
    expect(new Set(communities.values()).size).toBe(2);
    expect(communities.get('a2')).toBe(communities.get('a3'));
    expect(communities.get('a2')).not.toBe(communities.get('b2'));
    const betweenness = metrics.betweenness()!;
    expect(betweenness.get('a1')).toBeGreaterThan(betweenness.get('a2')!);
    const pagerank = metrics.pagerank();
    expect(pagerank.get('b1')).toBeGreaterThan(pagerank.get('b3')!);
    // A change of the canvas clears what was computed.
    mergePayload(graph, { nodes: [node('c', 'Actor')], edges: [edge('8', 'MET', 'c', 'a2')] }, 'query');
    expect(metrics.degree().get('a2')).toBe(3);
  });

  it('refuses betweenness on a canvas too large for it', () => {
    const graph = createGraph();
    mergePayload(
      graph,
      { nodes: Array.from({ length: BETWEENNESS_MAX_NODES + 1 }, (_, i) => node(`n${i}`, 'Actor')), edges: [] },
      'overview',
    );
    const metrics = new MetricsCache(graph);
    expect(metrics.betweennessAvailable).toBe(false);
    expect(metrics.betweenness()).toBeNull();
  });
});

describe('the legend', () => {
  /** Two triangles of actors and institutions joined by one edge: two communities, two labels. */
  function twoGroups() {
    const graph = createGraph();
    mergePayload(
      graph,
      {
        nodes: [
          { ...node('a1', 'Actor'), caption: 'Hub of A' },
          node('a2', 'Institution'),
          node('a3', 'Actor'),
          { ...node('b1', 'Institution'), caption: 'Hub of B' },
          node('b2', 'Actor'),
          node('b3', 'Institution'),
        ],
        edges: [
          edge('1', 'MET', 'a1', 'a2'),
          edge('2', 'MET', 'a2', 'a3'),
          edge('3', 'MET', 'a3', 'a1'),
          edge('4', 'MET', 'b1', 'b2'),
          edge('5', 'MET', 'b2', 'b3'),
          edge('6', 'MET', 'b3', 'b1'),
          edge('7', 'MET', 'a1', 'b1'),
        ],
      },
      'overview',
    );
    const appearance = new Appearance();
    const view = new DerivedView(graph, new Filters(), appearance, new MetricsCache(graph));
    return { graph, appearance, view };
  }

  it('lists the labels by default', () => {
    const { view } = twoGroups();
    expect(view.legend().map((entry) => entry.kind === 'label' && [entry.label, entry.count])).toEqual([
      ['Actor', 3],
      ['Institution', 3],
    ]);
  });

  it('lists the communities, in colours no label uses, while nodes are coloured by community', () => {
    const { graph, appearance, view } = twoGroups();
    appearance.set({ colorMode: 'community' });
    const legend = view.legend();
    expect(legend).toHaveLength(2);
    expect(legend.every((entry) => entry.kind === 'community' && entry.count === 3)).toBe(true);
    expect(legend.map((entry) => entry.kind === 'community' && entry.example).sort()).toEqual(['Hub of A', 'Hub of B']);
    const labelColors = new Set(Object.values(LABEL_COLORS));
    for (const entry of legend) expect(labelColors.has(entry.color)).toBe(false);
    // The nodes are drawn in their community's colour: an actor and an institution of one community look alike.
    const colorOfA = view.style('a1')!.color;
    expect(view.style('a2')!.color).toBe(colorOfA);
    expect(legend.map((entry) => entry.color)).toContain(colorOfA);
    expect(view.style('b1')!.color).not.toBe(colorOfA);
    graph.forEachNode((id) => expect(labelColors.has(view.style(id)!.color)).toBe(false));
  });
});

describe('labels on the canvas', () => {
  /** A hub with `count` neighbours, focused (hovered). */
  function focusedHub(count: number) {
    const graph = createGraph();
    const spokes = Array.from({ length: count }, (_, i) => `s${i}`);
    mergePayload(
      graph,
      {
        nodes: [node('hub', 'Actor'), ...spokes.map((id) => node(id, 'Actor'))],
        edges: spokes.map((id) => edge(`e-${id}`, 'MET', 'hub', id)),
      },
      'overview',
    );
    const interaction = new Interaction();
    interaction.hover('hub');
    const sources = {
      graph,
      interaction,
      view: new DerivedView(graph, new Filters(), new Appearance(), new MetricsCache(graph)),
      theme: () =>
        ({ dimNode: '#ddd', dimEdge: '#eee', edge: '#bbb', focusEdge: '#444', pathEdge: '#b50' }) as CanvasTheme,
      large: () => false,
      layoutRunning: () => false,
    };
    const nodes = nodeReducer(sources);
    const edges = edgeReducer(sources);
    return {
      neighbour: nodes('s0', graph.getNodeAttributes('s0')),
      relationship: edges('e-s0', graph.getEdgeAttributes('e-s0')),
    };
  }

  it('names a few neighbours and relationships of the focused node', () => {
    const { neighbour, relationship } = focusedHub(3);
    expect(neighbour.forceLabel).toBe(true);
    expect(relationship).toMatchObject({ forceLabel: true, label: 'MET' });
  });

  it('does not force labels that would print over each other around a hub', () => {
    const { neighbour, relationship } = focusedHub(40);
    expect(neighbour.forceLabel).toBe(false);
    expect(relationship).toMatchObject({ forceLabel: false, label: '' });
  });
});
