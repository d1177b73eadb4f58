/**
 * The explorer's canvas actions without a browser: the actions run on a real graphology graph
 * with a fake API (an in-memory database), a layout and a camera that do nothing. What a user
 * notices: undo takes back up to 30 steps, a link reopens the view it was made from, a slow answer
 * for a node no longer selected does not replace the details shown, and collapsing an expansion
 * keeps the nodes that are on the canvas for another reason or pinned.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ApiEdge, ApiNode, GraphPayload, NodeDetailsResponse, PathResponse } from '../../server/domain/api.js';
import { ExplorerActions, type DetailsView, type ExplorerApi } from '../../client/explore/actions.js';
import { PAGE_SIZE } from '../../client/explore/expansion.js';
import { pathRelTypes } from '../../client/explore/path-types.js';
import { createStartUp } from '../../client/explore/start-up.js';
import { UrlSync } from '../../client/explore/url-sync.js';
import type { ViewSources } from '../../client/explore/view-link.js';
import { CanvasHistory } from '../../client/graph/canvas-history.js';
import { createGraph } from '../../client/graph/dataset.js';
import { Appearance } from '../../client/state/appearance.js';
import { CanvasState } from '../../client/state/canvas-state.js';
import { DEFAULT_FILTERS, Filters } from '../../client/state/filters.js';
import { LayoutChoice } from '../../client/state/layout-choice.js';
import { Interaction } from '../../client/state/selection.js';
import { decodeView, encodeView } from '../../client/state/view-state.js';

const actor = (id: string): ApiNode => ({ id, label: 'Actor', caption: `Name of ${id}`, properties: { name: id } });
const met = (source: string, target: string): ApiEdge => ({
  id: `${source}-MET-${target}`,
  type: 'MET',
  source,
  target,
  properties: {},
});

/**
 * A small database: a hub with 46 neighbours (n0…n44 and mid), two of which (n0, n1) are also in the
 * overview; a chain far → mid → hub for paths. The overview is the hub, n0, n1 and `lonely`.
 */
function fakeDatabase() {
  const spokes = Array.from({ length: 45 }, (_, i) => `n${i}`);
  const nodes = new Map([...['hub', 'lonely', 'mid', 'far', ...spokes].map((id) => [id, actor(id)] as const)]);
  const edges = [...spokes.map((id) => met('hub', id)), met('far', 'mid'), met('mid', 'hub')];
  const neighboursOf = (id: string) =>
    edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : []));
  const payloadOf = (ids: string[]): GraphPayload => ({
    nodes: ids.map((id) => nodes.get(id)!),
    edges: edges.filter((e) => ids.includes(e.source) && ids.includes(e.target)),
  });
  /** Answers of `node` held back until the test releases them (the selection race). */
  const heldDetails = new Map<string, () => void>();
  let holdDetails = false;
  const calls: string[] = [];

  const api: ExplorerApi = {
    overview: async () => {
      const payload = payloadOf(['hub', 'n0', 'n1', 'lonely']);
      return { ...payload, totalEdges: payload.edges.length };
    },
    neighbors: async (id, page) => {
      calls.push(`neighbors ${id} skip ${page.skip ?? 0}`);
      if (!nodes.has(id)) throw new Error(`No node ${id}.`);
      const skip = page.skip ?? 0;
      const ranked = neighboursOf(id).slice(skip, skip + page.limit);
      return payloadOf([id, ...ranked]);
    },
    node: (id) => {
      const details: NodeDetailsResponse = {
        node: nodes.get(id)!,
        degree: neighboursOf(id).length,
        neighbours: { total: neighboursOf(id).length, byType: { MET: neighboursOf(id).length } },
        relations: [],
        relationCounts: {},
        statements: [],
      };
      if (!holdDetails) return Promise.resolve(details);
      return new Promise((resolve) => heldDetails.set(id, () => resolve(details)));
    },
    edge: async (id) => {
      const edge = edges.find((e) => e.id === id)!;
      return {
        edge,
        source: nodes.get(edge.source)!,
        target: nodes.get(edge.target)!,
        evidence: [],
      };
    },
    shortestPath: async (from, to, types, all): Promise<PathResponse> => {
      calls.push(`${all ? 'all paths' : 'path'} ${from} ${to} ${types.join(',')}`);
      if (from === 'far' && to === 'hub')
        return {
          found: true,
          length: 2,
          nodeIds: ['far', 'mid', 'hub'],
          edgeIds: ['far-MET-mid', 'mid-MET-hub'],
          graph: payloadOf(['far', 'mid', 'hub']),
        };
      return { found: false, length: null, nodeIds: [], edgeIds: [], graph: { nodes: [], edges: [] } };
    },
  };
  return {
    api,
    calls,
    hold: () => (holdDetails = true),
    release: (id: string) => heldDetails.get(id)!(),
  };
}

/** The explorer without its page: the same objects main.ts builds, with fakes for the browser's parts. */
function explorer(database = fakeDatabase(), layoutStarts: Array<ReadonlySet<string> | undefined> = []) {
  const graph = createGraph();
  const interaction = new Interaction();
  const state = new CanvasState();
  const history = new CanvasHistory(graph, () => {});
  let cameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const actions = new ExplorerActions({
    graph,
    interaction,
    state,
    history,
    api: database.api,
    layout: { running: false, start: (_ms, hold) => layoutStarts.push(hold), kill: () => {} },
    camera: { focus: () => {}, framePath: () => {} },
  });
  const sources: ViewSources = {
    graph,
    camera: { getState: () => cameraState, setState: (next) => (cameraState = next) },
    interaction,
    filters: new Filters(),
    appearance: new Appearance(),
    layoutChoice: new LayoutChoice(),
    hidden: () => [...state.dismissed],
    query: () => state.query,
    pathEnds: () => state.pathEnds,
  };
  const messages: string[] = [];
  const details: DetailsView[] = [];
  actions.events.on('status', ({ message }) => messages.push(message));
  actions.events.on('details', (shown) => details.push(shown));
  return { graph, interaction, state, history, actions, sources, messages, details, database };
}

const nodesOf = (graph: ReturnType<typeof createGraph>) => graph.nodes().sort();

/** Opens `#hash` in the explorer as the page does at start-up (no console: queries are not run). */
async function openLink(opened: ReturnType<typeof explorer>, hash: string): Promise<void> {
  const start = createStartUp({
    actions: opened.actions,
    sources: opened.sources,
    urlSync: new UrlSync(opened.sources, () => {}),
    address: () => `#${hash}`,
    overviewLimit: 500,
    runQuery: async () => {},
    page: { loading: () => {}, empty: () => {}, failed: () => {}, ready: (done) => done() },
  });
  await start();
}

describe('undo', () => {
  it('takes back the last 30 canvas changes, newest first, and no more', async () => {
    const { graph, actions, messages } = explorer();
    await actions.loadOverview(500);
    const canvases: string[][] = [nodesOf(graph)];
    // 31 changes: expand the hub page by page (3 pages), then hide spokes one at a time.
    for (let page = 0; page < 3; page += 1) {
      await actions.expand('hub');
      canvases.push(nodesOf(graph));
    }
    for (let i = 0; i < 28; i += 1) {
      await actions.hide([`n${i}`]);
      canvases.push(nodesOf(graph));
    }
    expect(canvases).toHaveLength(32);
    for (let step = 31; step >= 2; step -= 1) {
      actions.undo();
      expect(nodesOf(graph)).toEqual(canvases[step - 1]);
    }
    expect(messages.at(-1)).toBe('Undone: expand Name of hub.');
    // The 31st change back is the oldest one, which was not kept.
    actions.undo();
    expect(messages.at(-1)).toBe('Nothing to undo.');
    expect(nodesOf(graph)).toEqual(canvases[1]);
  });

  it('brings back hidden nodes as no longer dismissed, keeps the selection that is still there', async () => {
    const { graph, interaction, state, actions, messages } = explorer();
    await actions.loadOverview(500);
    interaction.selectMany(['n0', 'n1'], false);
    await actions.hide(['n0']);
    expect(graph.hasNode('n0')).toBe(false);
    expect([...state.dismissed]).toEqual(['n0']);
    expect(interaction.current.selection).toEqual(['n1']);
    actions.undo();
    expect(messages.at(-1)).toBe('Undone: hide Name of n0.');
    expect(graph.hasNode('n0')).toBe(true);
    // Its node data came back with it (export and captions read it from the graph).
    expect(graph.getNodeAttribute('n0', 'properties')).toEqual({ name: 'n0' });
    expect(state.dismissed.size).toBe(0);
    expect(interaction.current.selection).toEqual(['n1']);
  });

  it('drops a highlighted path whose nodes the undo took away', async () => {
    const { graph, interaction, state, actions } = explorer();
    await actions.loadOverview(500);
    await actions.findPath('far', 'hub', ['MET']);
    expect(interaction.current.path?.nodeIds).toEqual(['far', 'mid', 'hub']);
    expect(state.pathEnds).toEqual({ from: 'far', to: 'hub', types: ['MET'] });
    actions.undo();
    expect(graph.hasNode('far')).toBe(false);
    expect(interaction.current.path).toBeNull();
    expect(state.pathEnds).toBeNull();
  });
});

describe('expand on a small database', () => {
  it('says truthfully that the neighbours were already there, and highlights them', async () => {
    const { actions, interaction, messages, graph } = explorer();
    await actions.loadOverview(500);
    const before = graph.order;
    await actions.expand('n0'); // its one neighbour, the hub, is in the overview
    expect(graph.order).toBe(before);
    expect(messages.at(-1)).toBe('The only neighbour of Name of n0 is already on the canvas (highlighted).');
    expect(interaction.current.selection).toEqual(['n0', 'hub']);
  });
});

describe('a query result', () => {
  it('counts only the nodes new to the canvas', async () => {
    const { actions } = explorer();
    await actions.loadOverview(500);
    const payload: GraphPayload = { nodes: [actor('hub'), actor('n0'), actor('far')], edges: [] };
    expect(await actions.showQueryResult(payload, 'add', () => null)).toBe(1);
    expect(await actions.showQueryResult(payload, 'add', () => null)).toBe(0);
  });

  it('moves only its new nodes, and nothing when none is new', async () => {
    const starts: Array<ReadonlySet<string> | undefined> = [];
    const { actions, graph } = explorer(fakeDatabase(), starts);
    await actions.loadOverview(500);
    const before = new Set(graph.nodes());
    starts.length = 0;
    const payload: GraphPayload = { nodes: [actor('hub'), actor('far')], edges: [] };
    await actions.showQueryResult(payload, 'add', () => null);
    expect(starts).toHaveLength(1);
    expect(starts[0]).toEqual(before);
    await actions.showQueryResult(payload, 'add', () => null);
    expect(starts).toHaveLength(1);
    await actions.showQueryResult(payload, 'replace', () => null);
    expect(starts).toHaveLength(2);
    expect(starts[1]).toBeUndefined();
  });
});

describe('paths', () => {
  it('skip document hops unless asked, and never follow a type the filters hide', () => {
    const byDefault = pathRelTypes({ types: null }, []);
    expect(byDefault).toEqual(expect.arrayContaining(['SAID', 'ABOUT', 'HOLDS_ROLE', 'MET']));
    expect(byDefault).not.toContain('MENTIONED_IN');
    expect(byDefault).not.toContain('REPORTED_IN');
    expect(pathRelTypes({ types: null }, ['HOLDS_ROLE'])).not.toContain('HOLDS_ROLE');
    expect(pathRelTypes({ types: ['SAID', 'MENTIONED_IN', 'MET'] }, ['MET'])).toEqual(['SAID', 'MENTIONED_IN']);
  });

  it('ask the API for the chosen types, and a link asks for them again', async () => {
    const made = explorer();
    await made.actions.loadOverview(500);
    await made.actions.findPath('far', 'hub', ['SAID', 'MET']);
    expect(made.database.calls).toContain('path far hub SAID,MET');
    const link = new UrlSync(made.sources, () => {}).currentHash();

    const opened = explorer();
    await openLink(opened, link);
    expect(opened.database.calls).toContain('path far hub SAID,MET');
    expect(opened.interaction.current.path?.nodeIds).toEqual(['far', 'mid', 'hub']);
  });
});

describe('expand and collapse', () => {
  it('pages a node’s neighbours, then collapse keeps what the overview or a pin holds there', async () => {
    const { graph, actions, messages, database } = explorer();
    await actions.loadOverview(500);
    const overview = nodesOf(graph);
    await actions.expand('hub');
    expect(messages.at(-1)).toBe(
      `Added ${PAGE_SIZE - 2} new neighbour(s) of Name of hub; 2 more were already on the canvas.`,
    );
    await actions.expand('hub');
    expect(database.calls).toEqual(['neighbors hub skip 0', `neighbors hub skip ${PAGE_SIZE}`]);
    expect(actions.selectionSummary().expansion).toBeNull(); // nothing selected
    expect(graph.getNodeAttribute('hub', 'expansion')).toEqual({ types: [], shown: 40, complete: false });
    await actions.expand('hub');
    expect(messages.at(-1)).toBe('Added 6 new neighbour(s) of Name of hub (all shown).');
    await actions.expand('hub');
    expect(messages.at(-1)).toBe('No further neighbours of Name of hub to bring in.');

    actions.pin(['n30']);
    await actions.collapse('hub');
    expect(messages.at(-1)).toBe('Collapsed Name of hub: 43 node(s) left the canvas.');
    expect(nodesOf(graph)).toEqual([...overview, 'n30'].sort());
    // What keeps them there now: n0 the overview, n30 being picked (pinned).
    expect(graph.getNodeAttribute('n0', 'origins')).toEqual(['overview']);
    expect(graph.getNodeAttribute('n30', 'origins')).toEqual(['pick']);
    expect(graph.getNodeAttribute('hub', 'expansion')).toBeUndefined();
  });

  it('selecting a node that is not on the canvas brings it with its first neighbours', async () => {
    const { graph, interaction, actions, details } = explorer();
    await actions.loadOverview(500);
    await actions.select('far');
    expect(graph.getNodeAttribute('far', 'origins')).toEqual(['pick']);
    expect(graph.getNodeAttribute('mid', 'origins')).toEqual(['expand:far']);
    expect(interaction.current.selected).toBe('far');
    expect(details.map((d) => d.kind)).toEqual(['loading', 'node']);
    expect(actions.selectionSummary()).toMatchObject({
      selection: [{ id: 'far', caption: 'Name of far' }],
      expansion: { shown: 1, complete: true },
      neighbourCounts: new Map([
        ['', 1],
        ['MET', 1],
      ]),
      pinned: false,
    });
  });
});

describe('the selection race', () => {
  it('ignores a late details answer for a node no longer selected', async () => {
    const database = fakeDatabase();
    const { interaction, actions, details } = explorer(database);
    await actions.loadOverview(500);
    database.hold();
    const first = actions.select('n0');
    const second = actions.select('n1');
    await Promise.resolve();
    database.release('n1');
    await second;
    database.release('n0'); // the answer for the earlier click arrives last
    await first;
    const shown = details.filter((d) => d.kind === 'node');
    expect(shown.map((d) => d.details.node.id)).toEqual(['n1']);
    expect(interaction.current.selected).toBe('n1');
  });

  it('ignores an answer that arrives after the selection was cleared', async () => {
    const database = fakeDatabase();
    const { interaction, actions, details } = explorer(database);
    await actions.loadOverview(500);
    database.hold();
    const pending = actions.select('n0');
    await Promise.resolve();
    actions.clearSelection();
    database.release('n0');
    await pending;
    expect(details.map((d) => d.kind)).toEqual(['loading', 'closed']);
    expect(interaction.current.selected).toBeNull();
  });
});

describe('links', () => {
  it('a view link reopens the same view: expansions, path, dismissed nodes, positions, selection, camera', async () => {
    const made = explorer();
    await made.actions.loadOverview(500);
    await made.actions.expand('hub');
    await made.actions.expand('hub');
    await made.actions.findPath('far', 'hub', ['MET']);
    await made.actions.hide(['n5', 'lonely']);
    await made.actions.select('n7');
    made.graph.mergeNodeAttributes('n7', { x: 12.5, y: -3 });
    made.sources.camera.setState({ x: 0.2, y: 0.7, ratio: 0.4, angle: 0 });
    made.sources.filters.set({ minDegree: 1 });
    const written: string[] = [];
    const link = new UrlSync(made.sources, (hash) => written.push(hash)).currentHash();

    const opened = explorer();
    await opened.actions.loadOverview(500); // something else on the canvas before the link opens
    await opened.actions.expand('n0');
    const urlSync = new UrlSync(opened.sources, (hash) => written.push(hash));
    let ready = false;
    const start = createStartUp({
      actions: opened.actions,
      sources: opened.sources,
      urlSync,
      address: () => `#${link}`,
      overviewLimit: 500,
      runQuery: async () => {},
      page: { loading: () => {}, empty: () => {}, failed: () => {}, ready: (done) => ((ready = true), done()) },
    });
    await start();

    expect(ready).toBe(true);
    expect(opened.messages.at(-1)).toBe('');
    expect(nodesOf(opened.graph)).toEqual(nodesOf(made.graph));
    expect(opened.graph.edges().sort()).toEqual(made.graph.edges().sort());
    expect([...opened.state.dismissed].sort()).toEqual(['lonely', 'n5']);
    expect(opened.state.pathEnds).toEqual({ from: 'far', to: 'hub', types: ['MET'] });
    expect(opened.interaction.current.path?.nodeIds).toEqual(['far', 'mid', 'hub']);
    expect(opened.interaction.current.selection).toEqual(['n7']);
    expect(opened.graph.getNodeAttributes('n7')).toMatchObject({ x: 12.5, y: -3 });
    expect(opened.graph.getNodeAttribute('hub', 'expansion')).toEqual({ types: [], shown: 40, complete: false });
    expect(opened.sources.camera.getState()).toEqual({ x: 0.2, y: 0.7, ratio: 0.4, angle: 0 });
    expect(opened.sources.filters.current.minDegree).toBe(1);
    // The reopened view captures as the same link.
    expect(urlSync.currentHash()).toBe(link);
    expect(written).toEqual([]); // nothing scheduled: the page writes the address after a change
  });

  it('keeps "All shortest paths" and the chosen layout', async () => {
    const made = explorer();
    await made.actions.loadOverview(500);
    await made.actions.findPath('far', 'hub', ['MET'], true);
    made.sources.layoutChoice!.set({ name: 'circular' });
    const link = new UrlSync(made.sources, () => {}).currentHash();

    const opened = explorer();
    await openLink(opened, link);
    expect(opened.database.calls).toContain('all paths far hub MET');
    expect(opened.state.pathEnds).toEqual({ from: 'far', to: 'hub', types: ['MET'], all: true });
    expect(opened.sources.layoutChoice!.current.name).toBe('circular');
    expect(new UrlSync(opened.sources, () => {}).currentHash()).toBe(link);
  });

  it('a link made after a query replaced the canvas reopens that result alone, selection and camera included', async () => {
    const result = (ids: string[]): GraphPayload => ({
      nodes: ids.map((id) => actor(id)),
      edges: ids.includes('mid') && ids.includes('far') ? [met('far', 'mid')] : [],
    });
    const query = { query: 'MATCH (a)-[r]->(b) RETURN a, r, b', params: { limit: 2 } };
    const made = explorer();
    await made.actions.loadOverview(500);
    await made.actions.showQueryResult(result(['far', 'mid']), 'replace', () => query);
    await made.actions.select('mid');
    made.sources.camera.setState({ x: 0.3, y: 0.6, ratio: 0.5, angle: 0 });
    const link = new UrlSync(made.sources, () => {}).currentHash();

    const opened = explorer();
    const ran: string[] = [];
    const start = createStartUp({
      actions: opened.actions,
      sources: opened.sources,
      urlSync: new UrlSync(opened.sources, () => {}),
      address: () => `#${link}`,
      overviewLimit: 500,
      // The console runs the query and hands its result to the actions in the mode asked.
      runQuery: async (text, params, mode) => {
        ran.push(`${mode} ${text} ${JSON.stringify(params)}`);
        await opened.actions.showQueryResult(result(['far', 'mid']), mode, () => ({ query: text, params }));
      },
      page: { loading: () => {}, empty: () => {}, failed: () => {}, ready: (done) => done() },
    });
    await start();

    expect(ran).toEqual([`replace ${query.query} {"limit":2}`]);
    expect(nodesOf(opened.graph)).toEqual(['far', 'mid']);
    expect(opened.interaction.current.selection).toEqual(['mid']);
    expect(opened.sources.camera.getState()).toEqual({ x: 0.3, y: 0.6, ratio: 0.5, angle: 0 });
    expect(opened.messages.at(-1)).toBe('');
  });

  it('opens what still exists of a link and says what could not be opened', async () => {
    const opened = explorer();
    // A link whose expansion names a node deleted since it was made.
    const hash = encodeView({
      selection: ['deleted'],
      expansions: [{ id: 'deleted', types: [], pages: 1 }],
      hidden: [],
      query: null,
      path: null,
      filters: DEFAULT_FILTERS,
      appearance: { colorMode: 'label', sizeMode: 'degree' },
      camera: null,
      positions: null,
    });
    await openLink(opened, hash);
    expect(opened.messages.at(-1)).toBe(
      'Parts of the linked view could not be opened: expanding deleted: No node deleted.',
    );
    expect(nodesOf(opened.graph)).toEqual(['hub', 'lonely', 'n0', 'n1']);
  });
});

describe('the address bar', () => {
  it('follows the view once changes stop, and not while a view opens', async () => {
    vi.useFakeTimers();
    try {
      const { actions, sources } = explorer();
      await actions.loadOverview(500);
      const written: string[] = [];
      const urlSync = new UrlSync(sources, (hash) => written.push(hash));
      urlSync.pause();
      urlSync.schedule();
      vi.advanceTimersByTime(1000);
      expect(written).toEqual([]);
      urlSync.resume();
      await actions.hide(['lonely']);
      urlSync.schedule();
      vi.advanceTimersByTime(100);
      urlSync.schedule(); // a burst of changes writes once
      vi.advanceTimersByTime(1000);
      expect(written).toEqual([urlSync.currentHash()]);
      expect(decodeView(`#${written[0]}`)?.hidden).toEqual(['lonely']);
    } finally {
      vi.useRealTimers();
    }
  });
});
