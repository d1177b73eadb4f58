/**
 * The import use case: read the files, extract the graph, merge it with what the store holds,
 * write it in one transaction. A file that cannot be read or extracted is skipped with its
 * reason; the others are imported.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../config.js';
import type { GraphBatch } from '../domain/graph.js';
import type { GraphStore } from '../store/graph-store.js';
import { mergeWithExisting } from '../store/merge-existing.js';
import { buildGraph, loadGazetteer, type NerByDocument } from './build-graph.js';
import { applyCuration } from './curation/apply-curation.js';
import { loadCuration } from './curation/curation-file.js';
import { tagDocuments, type NerChoice, type NerUsed } from './ner/tag-documents.js';
import { readSources } from './read/index.js';
import type { SkippedFile, SourceDocument } from './read/types.js';

export type { NerChoice, NerUsed } from './ner/tag-documents.js';

export interface ImportProgress {
  phase: 'read' | 'extract' | 'write' | 'done';
  current: number;
  total: number;
  path?: string;
}

export interface ImportOptions {
  maxBytes?: number;
  /** The curation file applied to every import (default data/curation.yaml; absent = none). */
  curationPath?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** The named-entity tagger under the rules; none (or mode 'rules') means the rules alone. */
  ner?: NerChoice | undefined;
}

export interface ImportReport {
  documents: Array<{ id: string; title: string; path: string }>;
  skipped: SkippedFile[];
  curation: { applied: number; warnings: string[] };
  ner: NerUsed;
  nodesByLabel: Record<string, number>;
  edgesByType: Record<string, number>;
  elapsedMs: number;
}

function countBy<T>(items: T[], keyOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Gazetteer = Awaited<ReturnType<typeof loadGazetteer>>;

const DEFAULT_CURATION = join(REPO_ROOT, 'data', 'curation.yaml');

/**
 * Extraction runs over all documents at once (entities are resolved across them). If it fails,
 * each document is tried alone to find the ones at fault; those are skipped, the rest imported.
 */
function extract(
  documents: SourceDocument[],
  gazetteer: Gazetteer,
  ner: NerByDocument | undefined,
  skipped: SkippedFile[],
): { batch: GraphBatch; kept: SourceDocument[] } {
  const options = { gazetteer, ner };
  try {
    return { batch: buildGraph(documents, options), kept: documents };
  } catch {
    const kept: SourceDocument[] = [];
    for (const document of documents) {
      try {
        buildGraph([document], options);
        kept.push(document);
      } catch (error) {
        skipped.push({ path: document.path, reason: `extraction failed: ${errorText(error)}` });
      }
    }
    return { batch: buildGraph(kept, options), kept };
  }
}

/** Every edge must join two nodes of the batch or of the store: never write a dangling edge. */
async function assertEdgesConnect(store: GraphStore, batch: GraphBatch): Promise<void> {
  const known = new Set(batch.nodes.map((node) => node.id));
  const endpoints = batch.edges.flatMap((edge) => [edge.source, edge.target]);
  const missing = [...new Set(endpoints.filter((id) => !known.has(id)))];
  const found = new Set((await store.findNodes(missing)).map((node) => node.id));
  const dangling = missing.filter((id) => !found.has(id));
  if (dangling.length > 0) {
    throw new Error(`The extracted graph has edges to unknown nodes: ${dangling.slice(0, 5).join(', ')}`);
  }
}

export async function importDocuments(
  store: GraphStore,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  const read = await readSources(paths, {
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    onFile: (path, index, total) => progress({ phase: 'read', current: index + 1, total, path }),
  });
  const skipped = [...read.skipped];
  progress({ phase: 'extract', current: 0, total: read.documents.length });
  const tagged = await tagDocuments(read.documents, options.ner, (current, path) =>
    progress({ phase: 'extract', current, total: read.documents.length, path }),
  );
  skipped.push(...tagged.skipped);
  const gazetteer = await loadGazetteer();
  const extracted = extract(tagged.documents, gazetteer, tagged.spans, skipped);
  const corrections = await loadCuration(options.curationPath ?? DEFAULT_CURATION);
  const curated = applyCuration(extracted.batch, corrections);
  const { batch } = curated;
  const { kept } = extracted;
  progress({ phase: 'write', current: 0, total: batch.nodes.length + batch.edges.length });
  if (batch.nodes.length > 0) {
    await assertEdgesConnect(store, batch);
    await store.writeBatch(await mergeWithExisting(store, batch));
  }
  progress({ phase: 'done', current: kept.length, total: kept.length });
  const documentNodes = batch.nodes.filter((node) => node.label === 'Document');
  return {
    documents: documentNodes.map((node) => ({
      id: node.id,
      title: String(node.properties.title ?? ''),
      path: String(node.properties.source ?? ''),
    })),
    skipped,
    curation: { applied: curated.applied, warnings: curated.warnings },
    ner: tagged.used,
    nodesByLabel: countBy(batch.nodes, (node) => node.label),
    edgesByType: countBy(batch.edges, (edge) => edge.type),
    elapsedMs: Date.now() - started,
  };
}
