/**
 * An interactive HTML snapshot: one self-contained file (no network) that opens the exported
 * subgraph in a small sigma viewer with search and the evidence panel, for an editor who has no
 * actorgraph. The viewer is built by `npm run build`
 * (client/snapshot) and inlined; the data is JSON in the page.
 */
import { snapshotViewerScript } from '../built-assets.js';
import { TooLargeError } from '../domain/errors.js';
import { captionOf, type NodeLabel } from '../domain/graph.js';
import type { ExportSource } from './export-graph.js';

/** The viewer draws this many nodes smoothly; all of them are collected before the first byte is sent. */
export const MAX_NODES = 20_000;

/** JSON inside <script>: no "</script>", no "<!--", and line separators that break old parsers. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `html,body{margin:0;height:100%;font:15px/1.45 system-ui,sans-serif;color:#1d1d1f;background:#f7f7f5}
main{display:flex;height:calc(100% - 3rem)}header{height:3rem;display:flex;align-items:center;gap:1rem;padding:0 1rem;border-bottom:1px solid #ccc;background:#fff}
#graph{flex:1;position:relative}#panel{width:24rem;overflow:auto;padding:0 1rem;border-left:1px solid #ccc;background:#fff}
#results{position:absolute;top:3rem;left:8rem;list-style:none;margin:0;padding:0;background:#fff;z-index:2}#results button{display:block;width:100%;text-align:left;padding:.3rem .6rem;border:0;border-bottom:1px solid #eee;background:#fff;cursor:pointer}
blockquote{margin:.3rem 0;padding:.3rem .6rem;border-left:3px solid #009e73;background:#f4f4f2;font-size:.9rem}footer{color:#55575c;font-size:.8rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .7rem}dt{color:#55575c}dd{margin:0}`;

export async function* writeHtmlSnapshot(source: ExportSource, title = 'actorgraph snapshot'): AsyncGenerator<string> {
  const nodes = [];
  const titles: Record<string, string> = {};
  for await (const node of source.nodes()) {
    if (nodes.length === MAX_NODES)
      throw new TooLargeError(
        `An HTML snapshot holds at most ${MAX_NODES} nodes and this export has more: export a smaller ` +
          "subgraph (a node's neighbourhood, a query, the view), or the whole graph as graphml, gexf, json or csv.",
      );
    const caption = captionOf({ label: node.label as NodeLabel, properties: node.properties });
    if (node.label === 'Document') titles[node.id] = String(node.properties.title ?? node.id);
    nodes.push({
      id: node.id,
      label: node.label,
      caption,
      properties: node.properties,
      ...(node.viz ? { viz: node.viz } : {}),
    });
  }
  // After the nodes: a snapshot too large is refused whether or not the viewer is built.
  const viewer = snapshotViewerScript();
  const edges = [];
  for await (const edge of source.edges())
    edges.push({ id: edge.id, type: edge.type, source: edge.source, target: edge.target, properties: edge.properties });
  yield `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\n`;
  yield `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>\n<body>\n`;
  yield `<header><strong>${escapeHtml(title)}</strong><label>Search <input id="search" type="search" autocomplete="off"></label><span>${nodes.length} nodes, ${edges.length} relationships</span></header>\n`;
  yield '<ul id="results"></ul><main><div id="graph"></div><aside id="panel" hidden></aside></main>\n';
  yield `<script type="application/json" id="graph-data">${scriptSafeJson({ nodes, edges, titles })}</script>\n`;
  yield `<script>${viewer.replace(/<\/script/gi, '<\\/script')}</script>\n</body></html>\n`;
}
