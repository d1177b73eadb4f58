/**
 * The Bloom- and Gephi-like parts of the explorer without a browser: style rules (matching, order,
 * captions), colour by attribute (categories, numeric ranges, the legend), attribute filters
 * combined with the others, the data table's rows, the layouts, the hover card's rows, and links
 * that carry all of it (hostile links included).
 */
import { describe, expect, it } from 'vitest';
import type { ApiNode, GraphPayload } from '../../server/domain/api.js';
import {
  attributeScale,
  colorOnScale,
  MISSING_COLOR,
  RANGE_COLORS,
  scaleLines,
} from '../../client/graph/attribute-scale.js';
import { conditionHolds } from '../../client/graph/conditions.js';
import { createGraph, mergePayload } from '../../client/graph/dataset.js';
import { DerivedView } from '../../client/graph/derived-view.js';
import { describeRelationshipStyle, edgeStyles, MIN_SCALED_WIDTH } from '../../client/graph/edge-styles.js';
import { assignLayout, circularLayout, communityLayout, gridLayout } from '../../client/graph/layouts.js';
import { MetricsCache } from '../../client/graph/metrics.js';
import { applyRules, chosenCaption, describeRule, ruleMatches } from '../../client/graph/style-rules.js';
import { filterRows, sortRows, tableRows } from '../../client/graph/table-rows.js';
import { computeVisibility, passesAttributeFilters } from '../../client/graph/visibility.js';
import { Appearance } from '../../client/state/appearance.js';
import { DEFAULT_FILTERS, Filters } from '../../client/state/filters.js';
import { decodeStyle, MAX_EDGE_WIDTH, StyleRules, type StyleRule } from '../../client/state/style-rules.js';
import { Interaction } from '../../client/state/selection.js';
import { edgeReducer } from '../../client/sigma/reducers.js';
import type { CanvasTheme } from '../../client/sigma/theme.js';
import { decodeView, encodeView, type ViewState } from '../../client/state/view-state.js';
import { cardRows } from '../../client/ui/hover-card.js';

const BASE = { color: '#0072B2', size: 10 };
const rule = (change: Partial<StyleRule>): StyleRule => ({ label: '', when: null, color: null, size: null, ...change });

function canvas() {
  const graph = createGraph();
  const node = (id: string, label: ApiNode['label'], properties: Record<string, unknown>): ApiNode => ({
    id,
    label,
    caption: `caption of ${id}`,
    properties: properties as ApiNode['properties'],
  });
  const payload: GraphPayload = {
    nodes: [
      node('p1', 'Actor', { name: 'Ana Ruiz', kind: 'person', aliases: ['Ruiz', 'A. Ruiz'] }),
      node('p2', 'Actor', { name: 'Freedonia', kind: 'state' }),
      node('i1', 'Institution', { name: 'Harbour Council', kind: 'government' }),
      node('s1', 'Statement', { text: 'We will build the bridge.', kind: 'quote', confidence: 0.9 }),
      node('s2', 'Statement', { text: 'The port stays open.', kind: 'reported', confidence: 0.55 }),
    ],
    edges: [
      { id: 'e1', type: 'SAID', source: 'p1', target: 's1', properties: { rule: 'quote-colon', confidence: 0.9 } },
      { id: 'e2', type: 'SAID', source: 'i1', target: 's2', properties: { rule: 'reported-verb', confidence: 0.5 } },
      { id: 'e3', type: 'ABOUT', source: 's1', target: 'p2', properties: { rule: 'about-name', confidence: 0.8 } },
      { id: 'e4', type: 'HOLDS_ROLE', source: 'p1', target: 'i1', properties: { title: 'chair', confidence: 0.7 } },
    ],
  };
  mergePayload(graph, payload, 'overview');
  return graph;
}

describe('style rules', () => {
  it('match by label, by property value (lists and numbers too), case-insensitively', () => {
    const props = { kind: 'Quote', confidence: 0.9, aliases: ['Ruiz', 'A. Ruiz'] };
    expect(ruleMatches(rule({ label: 'Statement' }), 'Statement', props)).toBe(true);
    expect(ruleMatches(rule({ label: 'Actor' }), 'Statement', props)).toBe(false);
    expect(ruleMatches(rule({ when: { key: 'kind', op: 'equals', value: 'quote' } }), 'Statement', props)).toBe(true);
    expect(ruleMatches(rule({ when: { key: 'kind', op: 'notEquals', value: 'quote' } }), 'Statement', props)).toBe(
      false,
    );
    expect(ruleMatches(rule({ when: { key: 'aliases', op: 'equals', value: 'ruiz' } }), 'Actor', props)).toBe(true);
    expect(ruleMatches(rule({ when: { key: 'aliases', op: 'contains', value: 'a. r' } }), 'Actor', props)).toBe(true);
    expect(ruleMatches(rule({ when: { key: 'confidence', op: 'atLeast', value: '0.8' } }), 'S', props)).toBe(true);
    expect(ruleMatches(rule({ when: { key: 'confidence', op: 'atMost', value: '0.8' } }), 'S', props)).toBe(false);
    // A number compared with a word, or a missing property: no match (and no exception).
    expect(ruleMatches(rule({ when: { key: 'confidence', op: 'atLeast', value: 'high' } }), 'S', props)).toBe(false);
    expect(ruleMatches(rule({ when: { key: 'date', op: 'equals', value: '' } }), 'S', props)).toBe(false);
  });

  it('apply in order: a later matching rule wins for what it sets, sizes are factors', () => {
    const rules = [
      rule({ label: 'Statement', color: '#111111', size: 2 }),
      rule({ when: { key: 'kind', op: 'equals', value: 'quote' }, color: '#222222' }),
      rule({ label: 'Actor', color: '#333333' }),
    ];
    expect(applyRules(rules, 'Statement', { kind: 'quote' }, BASE)).toEqual({ color: '#222222', size: 20 });
    expect(applyRules(rules, 'Statement', { kind: 'reported' }, BASE)).toEqual({ color: '#111111', size: 20 });
    expect(applyRules(rules, 'Place', {}, BASE)).toEqual(BASE);
  });

  it('choose a caption property per label, and keep the API caption when the node lacks it', () => {
    const style = { rules: [], captions: { Actor: 'kind' } };
    expect(chosenCaption(style, 'Actor', { kind: 'person' })).toBe('person');
    expect(chosenCaption(style, 'Actor', {})).toBeNull();
    expect(chosenCaption(style, 'Statement', { kind: 'quote' })).toBeNull();
  });

  it('are described in words for the list and its Remove buttons', () => {
    expect(
      describeRule(
        rule({
          label: 'Statement',
          when: { key: 'confidence', op: 'atLeast', value: '0.8' },
          color: '#d62728',
          size: 2,
        }),
      ),
    ).toBe('Statement where confidence ≥ “0.8”: colour #d62728, size ×2');
  });

  it('colour and size the canvas through the derived view, and set its captions', () => {
    const graph = canvas();
    const style = new StyleRules();
    const view = new DerivedView(graph, new Filters(), new Appearance(), new MetricsCache(graph), style);
    const before = view.style('s1')!;
    style.add(
      rule({ label: 'Statement', when: { key: 'confidence', op: 'atLeast', value: '0.8' }, color: '#d62728', size: 2 }),
    );
    style.setCaption('Actor', 'kind');
    expect(view.style('s1')).toMatchObject({ color: '#d62728', size: before.size * 2 });
    expect(view.style('s2')!.color).not.toBe('#d62728');
    expect(view.style('p1')).toMatchObject({ caption: 'person', label: 'person' });
    style.remove(0);
    expect(view.style('s1')!.color).toBe(before.color);
  });
});

describe('relationship styles', () => {
  const THEME = { dimNode: '#ddd', dimEdge: '#eee', edge: '#bbb', focusEdge: '#444', pathEdge: '#b50' } as CanvasTheme;

  function styled() {
    const graph = canvas();
    const style = new StyleRules();
    const view = new DerivedView(graph, new Filters(), new Appearance(), new MetricsCache(graph), style);
    const interaction = new Interaction();
    const sources = { graph, interaction, view, theme: () => THEME, large: () => false, layoutRunning: () => false };
    const edges = edgeReducer(sources);
    const drawn = (id: string) => edges(id, graph.getEdgeAttributes(id));
    return { graph, style, view, interaction, drawn };
  }

  it('give the relationships of a type their colour and width, the others keep the theme', () => {
    const { style, drawn } = styled();
    expect(drawn('e1')).toMatchObject({ color: '#bbb', size: 1 });
    style.setRelationshipStyle('SAID', { color: '#aa0000', width: 4, widthBy: null });
    expect(drawn('e1')).toMatchObject({ color: '#aa0000', size: 4 });
    expect(drawn('e2')).toMatchObject({ color: '#aa0000', size: 4 });
    expect(drawn('e3')).toMatchObject({ color: '#bbb', size: 1 });
    // A style that sets nothing removes the type's.
    style.setRelationshipStyle('SAID', { color: null, width: null, widthBy: null });
    expect(drawn('e1')).toMatchObject({ color: '#bbb', size: 1 });
    expect(style.current.relationships).toBeUndefined();
  });

  it('scale the width by a numeric property, from 1 for the least value to the width for the greatest', () => {
    const { graph, style } = styled();
    style.setRelationshipStyle('SAID', { color: null, width: 6, widthBy: 'confidence' });
    const widths = edgeStyles(graph, style.current.relationships);
    expect(widths.get('e1')).toEqual({ size: 6 }); // confidence 0.9, the greatest
    expect(widths.get('e2')).toEqual({ size: MIN_SCALED_WIDTH }); // 0.5, the least
    expect(widths.has('e3')).toBe(false);
    // No width set: up to the widest; a property no relationship has: the narrowest.
    style.setRelationshipStyle('HOLDS_ROLE', { color: null, width: null, widthBy: 'confidence' });
    expect(edgeStyles(graph, style.current.relationships).get('e4')).toEqual({ size: MAX_EDGE_WIDTH });
    style.setRelationshipStyle('ABOUT', { color: '#00aa00', width: null, widthBy: 'missing' });
    expect(edgeStyles(graph, style.current.relationships).get('e3')).toEqual({ color: '#00aa00', size: 1 });
    expect(describeRelationshipStyle('SAID', style.current.relationships!.SAID)).toBe('SAID: width 1–6 by confidence');
  });

  it('keep the focus, dimming and path colours, and the type colour next to a focused node', () => {
    const { style, interaction, drawn } = styled();
    style.setRelationshipStyle('SAID', { color: '#aa0000', width: 3, widthBy: null });
    interaction.hover('p1');
    expect(drawn('e1')).toMatchObject({ color: '#aa0000', size: 3 }); // at the focus: its type's colour
    expect(drawn('e2')).toMatchObject({ color: '#eee' }); // away from it: dimmed like any other
    interaction.hover(null);
    interaction.showPath({ nodeIds: ['p1', 's1'], edgeIds: ['e1'] });
    expect(drawn('e1')).toMatchObject({ color: '#b50', size: 4 });
    expect(drawn('e2')).toMatchObject({ color: '#eee' });
  });

  it('list the styled types on the canvas for the legend', () => {
    const { style, view } = styled();
    expect(view.relationshipLegend()).toEqual([]);
    style.setRelationshipStyle('SAID', { color: '#aa0000', width: 4, widthBy: null });
    style.setRelationshipStyle('MET', { color: '#0000aa', width: null, widthBy: null });
    expect(view.relationshipLegend()).toEqual([
      { type: 'SAID', color: '#aa0000', width: 4, text: 'SAID: colour #aa0000, width 4', count: 2 },
    ]);
  });

  it('are read from a link one by one: a wrong one is left out with a note, the rest kept', () => {
    const notes: string[] = [];
    const style = decodeStyle(
      {
        rules: [],
        captions: {},
        relationships: {
          SAID: { color: '#aa0000', width: 4, widthBy: null },
          ABOUT: { color: 'red; background: url(x)', width: 2, widthBy: null },
          MET: { color: null, width: 1e9, widthBy: null },
          WROTE: { color: null, width: null, widthBy: 'a b' },
          LEADS: { color: null, width: null, widthBy: null },
          'NOT A TYPE': { color: '#000000', width: null, widthBy: null },
          URGED: 'nonsense',
          // As JSON.parse reads a link: an own property named __proto__.
          ...(JSON.parse('{"__proto__": {"color": "#000000"}}') as object),
        },
      },
      notes,
    );
    expect(style.relationships).toEqual({ SAID: { color: '#aa0000', width: 4, widthBy: null } });
    expect(Object.getPrototypeOf(style.relationships)).toBe(Object.prototype);
    expect(notes).toHaveLength(7);
    expect(notes.join('\n')).toContain('"ABOUT" was ignored: its colour is not #rrggbb');
    expect(notes.join('\n')).toContain('"MET" was ignored: its width is not one of');
    // Not an object at all: a note, no styles; a link made before relationship styles: none, no note.
    const more: string[] = [];
    expect(decodeStyle({ rules: [], captions: {}, relationships: 'x' }, more).relationships).toBeUndefined();
    expect(more).toEqual(['the relationship styles were not readable']);
    const old: string[] = [];
    expect(decodeStyle({ rules: [], captions: {} }, old)).toEqual({ rules: [], captions: {} });
    expect(old).toEqual([]);
  });

  it('go back to none when a view without them is loaded', () => {
    const style = new StyleRules();
    style.setRelationshipStyle('SAID', { color: '#aa0000', width: null, widthBy: null });
    style.load({ rules: [], captions: {} });
    expect(style.current.relationships).toBeUndefined();
  });
});

describe('colour by attribute', () => {
  it('makes categories of text values, the most frequent first, the rest one grey, the missing another', () => {
    const values = ['a', 'b', 'a', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', null, undefined];
    const scale = attributeScale('kind', values);
    expect(scale.kind).toBe('categorical');
    if (scale.kind !== 'categorical') return;
    expect(scale.entries[0]).toMatchObject({ value: 'a', count: 2 });
    expect(scale.entries).toHaveLength(9);
    expect(scale.otherCount).toBe(2);
    expect(scale.missingCount).toBe(2);
    expect(colorOnScale(scale, 'a')).toBe(scale.entries[0].color);
    expect(colorOnScale(scale, null)).toBe(MISSING_COLOR);
    expect(new Set(scale.entries.map((e) => e.color)).size).toBe(9);
    expect(
      scaleLines(scale)
        .map((l) => l.name)
        .slice(-2),
    ).toEqual(['Other values', 'No kind']);
  });

  it('makes five ranges of equal width for numbers, numeric strings included', () => {
    const scale = attributeScale('confidence', [0, 0.2, '0.5', 0.99, 1]);
    expect(scale.kind).toBe('numeric');
    if (scale.kind !== 'numeric') return;
    expect(scale.ranges.map((r) => r.count)).toEqual([1, 1, 1, 0, 2]);
    expect(colorOnScale(scale, 0)).toBe(RANGE_COLORS[0]);
    expect(colorOnScale(scale, 1)).toBe(RANGE_COLORS[4]);
    expect(scaleLines(scale)[0].name).toBe('0 – 0.2');
    // One value only: one range.
    const flat = attributeScale('confidence', [0.5, 0.5]);
    expect(flat.kind === 'numeric' && flat.ranges.length).toBe(1);
  });

  it('gives the legend one line per value while nodes are coloured by an attribute', () => {
    const graph = canvas();
    const appearance = new Appearance();
    const view = new DerivedView(graph, new Filters(), appearance, new MetricsCache(graph), new StyleRules());
    appearance.set({ colorMode: 'attribute', colorAttribute: 'kind' });
    const legend = view.legend();
    expect(legend.every((entry) => entry.kind === 'attribute')).toBe(true);
    expect(legend.map((entry) => entry.kind === 'attribute' && entry.name).sort()).toEqual([
      'government',
      'person',
      'quote',
      'reported',
      'state',
    ]);
    expect(view.style('p1')!.color).not.toBe(view.style('p2')!.color);
  });
});

describe('attribute filters', () => {
  it('test only the nodes of their label (or the relationships of their type)', () => {
    const filters = [
      {
        target: 'node' as const,
        label: 'Statement',
        when: { key: 'confidence', op: 'atLeast' as const, value: '0.8' },
      },
    ];
    expect(passesAttributeFilters(filters, 'node', 'Statement', { confidence: 0.9 })).toBe(true);
    expect(passesAttributeFilters(filters, 'node', 'Statement', { confidence: 0.5 })).toBe(false);
    expect(passesAttributeFilters(filters, 'node', 'Actor', {})).toBe(true);
    expect(passesAttributeFilters(filters, 'edge', 'Statement', {})).toBe(true);
    expect(conditionHolds({ key: 'rule', op: 'notEquals', value: 'x' }, {})).toBe(true);
  });

  it('hide what fails, with the other filters, and the relationships of hidden nodes', () => {
    const graph = canvas();
    const visibility = computeVisibility(graph, {
      ...DEFAULT_FILTERS,
      hiddenRelTypes: ['ABOUT'],
      attributes: [
        { target: 'node', label: 'Statement', when: { key: 'confidence', op: 'atLeast', value: '0.8' } },
        { target: 'edge', label: '', when: { key: 'rule', op: 'notEquals', value: 'quote-colon' } },
      ],
    });
    expect([...visibility.hiddenNodes].sort()).toEqual(['s2']);
    // e1 by its rule, e2 by its hidden statement, e3 by its type; e4 has no rule: kept.
    expect([...visibility.hiddenEdges].sort()).toEqual(['e1', 'e2', 'e3']);
    expect(new Filters().active).toBe(true); // mentions off by default
  });
});

describe('the data table', () => {
  it('lists nodes and relationships, filters by every word, sorts numbers by value', () => {
    const graph = canvas();
    const nodes = tableRows(graph, 'nodes', { nodes: new Set(['s2']), edges: new Set() });
    expect(nodes).toHaveLength(5);
    expect(nodes.find((r) => r.id === 's2')!.hidden).toBe(true);
    expect(filterRows(nodes, 'actor PERSON').map((r) => r.id)).toEqual(['p1']);
    expect(sortRows(nodes, 'degree', true).map((r) => r.cells.degree)).toEqual(['2', '2', '2', '1', '1']);
    expect(sortRows(nodes, 'confidence', false).map((r) => r.id)).toEqual(['s2', 's1', 'i1', 'p1', 'p2']);
    const edges = tableRows(graph, 'edges', { nodes: new Set(), edges: new Set() });
    expect(edges.find((r) => r.id === 'e1')!.cells).toMatchObject({
      type: 'SAID',
      source: 'caption of p1',
      target: 'caption of s1',
      rule: 'quote-colon',
    });
  });
});

describe('layouts', () => {
  it('place every node, apart from each other, and leave pinned nodes where they are', () => {
    const graph = canvas();
    graph.mergeNodeAttributes('p1', { x: 123, y: 456, fixed: true });
    const metrics = new MetricsCache(graph);
    for (const positions of [circularLayout(graph), gridLayout(graph), communityLayout(graph, metrics.communities())]) {
      expect(positions.size).toBe(graph.order);
      const points = new Set([...positions.values()].map(({ x, y }) => `${x.toFixed(3)},${y.toFixed(3)}`));
      expect(points.size).toBe(graph.order);
      assignLayout(graph, positions);
      expect(graph.getNodeAttributes('p1')).toMatchObject({ x: 123, y: 456 });
    }
  });
});

describe('the hover card', () => {
  it('shows bounded text values, leaving out ids and long free text', () => {
    const rows = cardRows({ id: 'x', text: 'long', name: 'N'.repeat(500), aliases: ['A', 'B'], empty: '' });
    expect(rows.map(([key]) => key)).toEqual(['aliases', 'name']);
    expect(rows[0][1]).toBe('A, B');
    expect(rows[1][1].length).toBe(120);
    expect(rows[1][1].endsWith('…')).toBe(true);
  });
});

describe('links with styling', () => {
  it('carry rules, captions, the colour attribute and attribute filters', () => {
    const view: ViewState = {
      selection: [],
      expansions: [],
      hidden: [],
      query: null,
      path: null,
      filters: {
        ...DEFAULT_FILTERS,
        attributes: [{ target: 'edge', label: 'SAID', when: { key: 'rule', op: 'equals', value: 'quote-colon' } }],
      },
      appearance: { colorMode: 'attribute', sizeMode: 'degree', colorAttribute: 'kind' },
      style: {
        rules: [
          rule({ label: 'Actor', when: { key: 'kind', op: 'equals', value: 'state' }, color: '#aa0000', size: 1.5 }),
        ],
        captions: { Actor: 'kind' },
      },
      camera: null,
      positions: null,
    };
    expect(decodeView(`#${encodeView(view)}`)).toEqual(view);
  });

  it('drop rules and filters that do not have the right shape', () => {
    const style = decodeStyle({
      rules: [
        { label: 'Actor', when: null, color: 'red; background: url(x)', size: 2 },
        { label: 'Actor', when: { key: 'k', op: 'eval', value: 'x' }, color: '#aa0000', size: null },
        { label: 'Actor', when: null, color: null, size: 1e9 },
        'nonsense',
      ],
      captions: { Actor: 7, Statement: 'kind' },
    });
    expect(style).toEqual({ rules: [rule({ label: 'Actor', size: 2 })], captions: { Statement: 'kind' } });
    const hostile = btoa(
      JSON.stringify({ filters: { attributes: [{ target: 'node', label: 'A', when: { key: 1 } }, 'x'] } }),
    );
    expect(decodeView(`#view=${hostile}`)!.filters.attributes).toEqual([]);
  });
});
