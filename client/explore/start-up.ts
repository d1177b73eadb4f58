/**
 * Opening the explorer: the view in the address (a shared link, a saved view) is rebuilt on an
 * empty canvas, else the overview is loaded. A broken link opens the overview and says why; what
 * of a linked view no longer exists is reported and the rest still opens.
 */
import { decodeView } from '../state/view-state.js';
import { messageOf, type ExplorerActions } from './actions.js';
import type { UrlSync } from './url-sync.js';
import { replayView, type ViewSources } from './view-link.js';

/** What the page shows around the canvas while it opens (main.ts: the notice and body flags). */
export interface StartUpPage {
  /** Before loading: no notice, the page no longer marked ready. */
  loading(): void;
  /** The database has no nodes: how to import articles. */
  empty(): void;
  /** The graph could not be loaded: the message and a retry. */
  failed(message: string, retry: () => void): void;
  /** The canvas is open: draw it, mark the page ready (the browser tests wait for that), then `done`. */
  ready(done: () => void): void;
}

export interface StartUpDeps {
  actions: ExplorerActions;
  sources: ViewSources;
  urlSync: UrlSync;
  page: StartUpPage;
  /** The address's hash ('#view=…' or ''). */
  address(): string;
  /** How many nodes the overview loads. */
  overviewLimit: number;
  /** Runs a linked view's query in the console (its result comes back through the actions). */
  runQuery(query: string, params: Record<string, unknown>, mode: 'add' | 'replace'): Promise<void>;
}

/** Returns the start function: call it at load, and again to open another view (a saved one). */
export function createStartUp(deps: StartUpDeps): () => Promise<void> {
  const { actions, sources, urlSync, page } = deps;

  async function openAddressedView(): Promise<void> {
    let linked = null;
    let brokenLink: string | null = null;
    // Values of the link that were wrong and left out: said along with what could not be opened.
    const ignored: string[] = [];
    try {
      linked = decodeView(deps.address(), ignored);
    } catch (error) {
      brokenLink = messageOf(error);
    }
    actions.reset();
    if (linked) {
      const replay = actions.replaySteps({ overviewLimit: deps.overviewLimit, runQuery: deps.runQuery });
      const problems = [...ignored, ...(await replayView(linked, sources, replay))];
      actions.say(
        problems.length > 0 ? `Parts of the linked view could not be opened: ${problems.join('; ')}` : '',
        problems.length > 0,
      );
    } else {
      const note = await actions.openOverview(deps.overviewLimit);
      actions.say(brokenLink ?? note ?? '', brokenLink !== null);
    }
  }

  async function start(): Promise<void> {
    actions.say('Loading the graph…');
    page.loading();
    urlSync.pause();
    try {
      await openAddressedView();
      if (sources.graph.order === 0) page.empty();
      actions.canvasOpened();
      page.ready(() => urlSync.resume());
    } catch (error) {
      urlSync.resume();
      actions.say('');
      page.failed(messageOf(error), () => void start());
    }
  }
  return start;
}
