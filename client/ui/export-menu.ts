/**
 * The export menu: what is on the canvas (with its positions, colours and sizes) in any export
 * format, downloaded as a file. The server writes the file (POST /api/export).
 */
import type { ApiErrorBody } from '../../server/domain/api.js';
import { apiFetch } from '../api/access-token.js';
import type { ExplorerGraph } from '../graph/dataset.js';
import { hexColor } from '../state/style-rules.js';

/** sigma keeps colours as CSS strings; the exports want #rrggbb. */
function exportColor(color: unknown): string | undefined {
  return hexColor(color) ?? undefined;
}

/** How the canvas draws a node and whether the filters show it (graph/derived-view.ts). */
export interface DrawnView {
  style(id: string): { color: string; size: number; community?: number } | undefined;
  isNodeHidden(id: string): boolean;
  isEdgeHidden(id: string): boolean;
}

/**
 * What is on the canvas as the filters show it, with positions and the colours and sizes drawn
 * (community colours, PageRank sizes…); `only` keeps those nodes (a multiple selection).
 */
export function viewPayload(graph: ExplorerGraph, drawn: DrawnView, only?: ReadonlySet<string>) {
  const kept = (id: string) => !drawn.isNodeHidden(id) && (!only || only.has(id));
  const nodes = graph.filterNodes(kept).map((id) => {
    const attributes = graph.getNodeAttributes(id);
    const style = drawn.style(id);
    const color = exportColor(style?.color ?? attributes.color);
    return {
      id,
      label: attributes.nodeLabel,
      properties: attributes.properties,
      viz: {
        x: attributes.x,
        y: attributes.y,
        size: style?.size ?? attributes.size,
        ...(color ? { color } : {}),
        ...(style?.community !== undefined ? { community: style.community } : {}),
      },
    };
  });
  const edges = graph
    .filterEdges((id, _attributes, source, target) => !drawn.isEdgeHidden(id) && kept(source) && kept(target))
    .map((id) => ({
      id,
      type: graph.getEdgeAttribute(id, 'relType'),
      source: graph.source(id),
      target: graph.target(id),
      properties: {},
    }));
  return { nodes, edges };
}

export interface ExportSources {
  view(): ReturnType<typeof viewPayload>;
  /**
   * The selected nodes: one node exports with its neighbourhood (from the database), several
   * export as they are on the canvas with the relationships among them.
   */
  selection(): readonly string[];
  /** The canvas restricted to these nodes. */
  viewOf(ids: ReadonlySet<string>): ReturnType<typeof viewPayload>;
  /** PNG of the canvas, drawn in the browser. */
  png(fileName: string): Promise<void>;
}

export function bindExportMenu(
  select: HTMLSelectElement,
  viewButton: HTMLButtonElement,
  selectionButton: HTMLButtonElement,
  sources: ExportSources,
  say: (message: string, isError?: boolean) => void,
): void {
  viewButton.addEventListener('click', () => {
    if (select.value === 'png')
      void sources.png('actorgraph-view').then(
        () => say(''),
        (error: unknown) => say(`Export failed: ${String(error)}`, true),
      );
    else void download(select.value, { view: sources.view(), filename: 'actorgraph-view' }, say);
  });
  selectionButton.addEventListener('click', () => {
    const selection = sources.selection();
    if (selection.length === 0) {
      say('Select a node first (its neighbourhood is exported), or several with shift-click or a lasso.', true);
      return;
    }
    if (select.value === 'png') {
      say('PNG exports the view; pick a data format for the selection.', true);
      return;
    }
    if (selection.length === 1)
      void download(select.value, { node: selection[0], depth: 1, filename: 'actorgraph-selection' }, say);
    else
      void download(select.value, { view: sources.viewOf(new Set(selection)), filename: 'actorgraph-selection' }, say);
  });
}

export async function download(
  format: string,
  body: Record<string, unknown>,
  say: (message: string, isError?: boolean) => void,
): Promise<void> {
  {
    say(`Exporting as ${format}…`);
    try {
      const response = await apiFetch('/api/export', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ format, ...body }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
        throw new Error(body?.error.message ?? `${response.status} ${response.statusText}`);
      }
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        `actorgraph-view.${format}`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      say('');
    } catch (error) {
      say(`Export failed: ${error instanceof Error ? error.message : String(error)}`, true);
    }
  }
}
