/**
 * The timeline of a canvas with nothing dated, in a real headless Chromium: a graph whose
 * statement and relations carry no date. The timeline says so instead of drawing an empty
 * histogram, offers no date fields or playback, and the explorer works as usual.
 */
import { describe, expect, it } from 'vitest';
import type { GraphBatch } from '../../server/domain/graph.js';
import { gotoExplorer } from '../helpers/explorer-page.js';
import { useExplorerSession } from '../helpers/explorer-session.js';
import { sampleGraph } from '../helpers/sample-graph.js';

/** The hand-made sample graph with every date taken away. */
function undatedGraph(): GraphBatch {
  const graph = sampleGraph();
  return {
    nodes: graph.nodes.map((node) =>
      node.label === 'Statement' ? { ...node, properties: { ...node.properties, date: null, dateSource: null } } : node,
    ),
    edges: graph.edges.map((edge) => ({ ...edge, properties: { ...edge.properties, date: null } })),
  };
}

const session = useExplorerSession({ importSamples: false, graph: undatedGraph() });

describe('the timeline with no dated statements', () => {
  it('says there is nothing dated, offers no dates or playback, and the canvas is drawn', async () => {
    const { page } = session;
    await gotoExplorer(page, session.server.url);
    const timeline = page.locator('[data-testid="timeline"]');
    await expect(timeline.textContent()).resolves.toContain('No dated statements or relations on the canvas.');
    expect(await timeline.locator('[data-testid="timeline-strip"]').count()).toBe(0);
    expect(await page.locator('#date-from, #date-to, #timeline-play').count()).toBe(0);
    expect(Number(await page.getAttribute('body', 'data-node-count'))).toBe(undatedGraph().nodes.length);
    expect(session.pageErrors).toEqual([]);
  });
});
