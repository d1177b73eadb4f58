/**
 * The import use case, streamed so that memory stays flat whatever the corpus size:
 *
 * 1. List the files (cheap: nothing is opened).
 * 2. Scan: read, tag and find the names of the documents a batch at a time, feeding only their
 *    mentions to the corpus-wide entity resolution (CorpusResolver); the texts are dropped. Then
 *    resolve surnames, confirm shape-only people and pick display names over the whole corpus.
 * 3. Import: read each batch again, assemble its graph against that entity table and write it as
 *    one all-or-nothing write. A batch whose documents the store already holds (ids are content
 *    hashes) is "already imported": written by an earlier, perhaps killed, run; it is not written
 *    again, but still assembled, so the statements and entity evidence come out as in one import.
 * 4. Statements: quotes merge across the whole corpus (a fragment joins the longest wording, and
 *    the statement id hashes that text), so they are written last, from occurrences collected in
 *    step 3 (small: the words and the sentence, without the article's text).
 *
 * One run gives exactly the graph that one batch of every document gives (build-graph's
 * buildGraph, today's import). Separate imports of parts of a corpus give the same graph as one
 * import wherever resolution within each part finds what it would find in the whole (see README,
 * "Importing in parts"); where a part lacks what another holds they differ, exactly:
 * - a surname alone in one import whose full name only appears in another is not resolved to it;
 * - a person found only by the shape of the name, confirmed only in another import, is dropped;
 * - the display name is the fullest form in any import, but among forms of the same length the
 *   first import's, not the most frequent;
 * - a quote fragment in one import and its longer wording in another stay two statements.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../config.js';
import { TooLargeError } from '../domain/errors.js';
import type { GraphBatch, GraphNode } from '../domain/graph.js';
import type { BatchWriter, GraphParts, GraphStore } from '../store/graph-store.js';
import {
  documentId,
  documentMentions,
  GraphAssembler,
  loadGazetteer,
  mergedStatementGraph,
  namesSource,
  recordNames,
  statementParts,
} from './build-graph.js';
import { applyCuration } from './curation/apply-curation.js';
import { loadCuration, type Correction } from './curation/curation-file.js';
import { mergeCarried, storedNodes } from './merge-carried.js';
import type { NerSpan } from './ner/ner-types.js';
import { tagDocuments, type NerChoice, type NerUsed } from './ner/tag-documents.js';
import { listSourceFiles, readSourceFile, type ListedFile } from './read/index.js';
import type { SkippedFile, SourceDocument } from './read/types.js';
import { CorpusResolver, type ResolvedMention } from './resolve/entities.js';
import type { MergedStatement, StatementOccurrence } from './resolve/statements.js';
import { splitInTwo, StatementSpill } from './statement-spill.js';

export type { NerChoice, NerUsed } from './ner/tag-documents.js';

export interface ImportProgress {
  /** scan: reading, tagging and finding names; import: extracting and writing; statements: the last writes. */
  phase: 'scan' | 'import' | 'statements' | 'done';
  /**
   * Done in this phase, of `total`: files while scanning, documents while importing, statement
   * occurrences (a statement in one article) while writing the statements.
   */
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
  /** Documents per write (default DEFAULT_BATCH_SIZE). */
  batchSize?: number;
  /** Statement occurrences per write in the last phase (default STATEMENTS_PER_WRITE). */
  statementsPerWrite?: number;
  /** Statement occurrences per part of such a write (default STATEMENTS_PER_PART). */
  statementsPerPart?: number;
  /**
   * Called when each write (with the store's checkpoint) and the writer's finish have ended,
   * written or not: `actorgraph import` gives the engine's freed memory back there (cli/native-heap.ts).
   */
  afterWrite?: () => void;
}

export interface ImportReport {
  /** The documents this import wrote. */
  documents: Array<{ id: string; title: string; path: string }>;
  /** Documents the store already held (an earlier or killed import): not written again. */
  alreadyImported: Array<{ id: string; path: string }>;
  skipped: SkippedFile[];
  curation: { applied: number; warnings: string[] };
  ner: NerUsed;
  nodesByLabel: Record<string, number>;
  edgesByType: Record<string, number>;
  elapsedMs: number;
}

/**
 * Documents per batch, chosen by measurement (bench/import-throughput.ts, 2,000 articles, one run
 * each on a loaded machine): a batch's write costs the engine about as much whatever its size, as
 * each commit rewrites the storage of the tables it appends to, so per document the write took
 * 94-108 ms in batches of 250 and 16-38 ms in batches of 1,000, at the same peak RSS (917 and
 * 898 MB). A kill loses at most one batch.
 * To measure again: IMPORT_BATCH=250|1000 npx tsx bench/import-throughput.ts --scaling 2000.
 */
export const DEFAULT_BATCH_SIZE = 1000;

/**
 * Statement occurrences (a statement in one article) per write in the last phase, with their
 * SAID, ABOUT and REPORTED_IN relationships; the writes hold whole speakers, split evenly
 * (statement-spill.ts). One write is fastest (see finishCorpus), but a write is held whole in
 * memory: as JavaScript objects while it is built, and in LadybugDB until it commits (at 20,000
 * articles one write of ~216,000 statements failed with "the buffer pool is full"; such a write
 * is now written again in halves, see writeStatements). The bench's
 * corpus has 12-16 occurrences per article, so 1,000 articles make one write and larger corpora
 * writes of about the same size. At 5,000 articles, four writes of about 20,000 made a 761 MB
 * database against 649 MB in two writes (50,000 and the rest), and the import peaked at 1,698 MB
 * RSS against 1,961 MB with every occurrence in memory (bench/import-throughput.ts --scaling
 * 1000,5000, one run each, loaded machine). Writes of 10,000 gave the same peak (1,481 MB against
 * 1,475 MB with 20,000, with a 256 MB pool) and a larger database (779 MB against 753 MB): below
 * this size the peak is the rest of the import's, and more, smaller writes cost database size.
 * Again at 5,000 with the 1 GiB pool: writes of 5,000 peaked at 899 MB against 917 MB (the peak
 * is in the checkpoint after a write, and grows with the database: kuzu-database.ts).
 */
const STATEMENTS_PER_WRITE = 20_000;

/**
 * Statement occurrences per part of a statements write (one transaction written a part at a time,
 * GraphParts): the JavaScript side holds one part's graph and rows at a time, not the write's.
 */
const STATEMENTS_PER_PART = 2_000;

/** A batch ready to write (ImportRun.prepare). */
interface Prepared {
  curated: GraphBatch;
  merged: GraphBatch;
}

const DEFAULT_CURATION = join(REPO_ROOT, 'data', 'curation.yaml');

type Gazetteer = Awaited<ReturnType<typeof loadGazetteer>>;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

/** A document the scan found: where it is, its number for the resolver, its id and the tagger's spans. */
interface ScannedDocument {
  file: ListedFile;
  doc: number;
  id: string;
  spans?: NerSpan[];
}

/** A copy that holds no reference into an article's text (V8 keeps a sliced string's parent alive). */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * What only one write of a run holds, so that counting it needs no memory of ids: a document and
 * its mentions and bylines (one per document), and the statements with their relationships
 * (written once each, in the statement group of their speaker: statement-spill.ts). These are
 * most of a large import's ids (at 5,000 articles 55,000 statements with 3 or more relationships
 * each), and remembering them all grew with the corpus.
 */
const WRITTEN_ONCE = new Set(['Document', 'Statement', 'MENTIONED_IN', 'WROTE', 'SAID', 'ABOUT', 'REPORTED_IN']);

/**
 * What one write counts, kept until it is written (a write that fails is written again in halves,
 * and must count once): numbers for what only one write holds, ids for the rest.
 */
class PendingCounts {
  readonly nodesByLabel: Record<string, number> = {};
  readonly edgesByType: Record<string, number> = {};
  /** Id, label or type, and whether a node: counted once per run (WrittenCounts.seen). */
  readonly repeatable: Array<[string, string, boolean]> = [];

  add(batch: GraphBatch): void {
    for (const node of batch.nodes) this.count(node.id, node.label, this.nodesByLabel, true);
    for (const edge of batch.edges) this.count(edge.id, edge.type, this.edgesByType, false);
  }

  private count(id: string, key: string, counts: Record<string, number>, node: boolean): void {
    if (WRITTEN_ONCE.has(key)) counts[key] = (counts[key] ?? 0) + 1;
    else this.repeatable.push([id, key, node]);
  }
}

/** Counts of what a run wrote, each node and edge once (entities and repeated facts span batches). */
class WrittenCounts {
  readonly nodesByLabel: Record<string, number> = {};
  readonly edgesByType: Record<string, number> = {};
  private readonly seen = new Set<string>();

  add(batch: GraphBatch): void {
    const pending = new PendingCounts();
    pending.add(batch);
    this.addWritten(pending);
  }

  /** A write's counts, once it is written. */
  addWritten(pending: PendingCounts): void {
    const add = (counts: Record<string, number>, key: string, n: number) => (counts[key] = (counts[key] ?? 0) + n);
    for (const [label, n] of Object.entries(pending.nodesByLabel)) add(this.nodesByLabel, label, n);
    for (const [type, n] of Object.entries(pending.edgesByType)) add(this.edgesByType, type, n);
    for (const [id, key, node] of pending.repeatable) {
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      add(node ? this.nodesByLabel : this.edgesByType, key, 1);
    }
  }
}

/**
 * Curation per batch: the entities corrections name go into every batch, so each correction
 * applies wherever its facts are. Corrections are applied one at a time (in file order) so that a
 * correction counts as applied, and its warning is dropped, when any batch applied it.
 */
class BatchCuration {
  private readonly applied = new Set<number>();
  private readonly warnings = new Map<number, Set<string>>();

  constructor(
    private readonly corrections: Correction[],
    /** Entity nodes (no evidence) of every entity a correction names. */
    readonly named: GraphNode[],
  ) {}

  apply(batch: GraphBatch): GraphBatch {
    if (this.corrections.length === 0) return batch;
    const ids = new Set(batch.nodes.map((node) => node.id));
    let current = { nodes: [...batch.nodes, ...this.named.filter((node) => !ids.has(node.id))], edges: batch.edges };
    this.corrections.forEach((correction, index) => {
      const result = applyCuration(current, [correction]);
      current = result.batch;
      if (result.applied > 0) this.applied.add(index);
      const warnings = this.warnings.get(index) ?? new Set<string>();
      result.warnings.forEach((warning) => warnings.add(warning));
      this.warnings.set(index, warnings);
    });
    return current;
  }

  report(): { applied: number; warnings: string[] } {
    const warnings = [...this.warnings].filter(([index]) => !this.applied.has(index)).flatMap(([, set]) => [...set]);
    return { applied: this.applied.size, warnings };
  }
}

/** The entities a correction may name, by id, name or alias (what applyCuration looks for). */
function namedByCorrections(corrections: Correction[], entities: GraphNode[]): GraphNode[] {
  const names = new Set<string>();
  for (const correction of corrections) {
    if ('merge' in correction) [...correction.merge, correction.into ?? ''].forEach((name) => names.add(name));
    else if ('rename' in correction) names.add(correction.rename);
    else if ('set_kind' in correction) names.add(correction.set_kind);
    else if ('remove' in correction) {
      const target = correction.remove;
      if ('entity' in target) names.add(target.entity);
      else [target.source, target.target].forEach((name) => names.add(name));
    } else [correction.add.source, correction.add.target].forEach((name) => names.add(name));
  }
  const lower = new Set([...names].filter(Boolean).map((name) => name.toLowerCase()));
  return entities.filter((node) => {
    const aliases = Array.isArray(node.properties.aliases) ? node.properties.aliases : [];
    return (
      names.has(node.id) ||
      lower.has(String(node.properties.name).toLowerCase()) ||
      aliases.some((alias) => lower.has(alias.toLowerCase()))
    );
  });
}

/** Every edge must join two nodes of the batch or of the store: never write a dangling edge. */
function assertEdgesConnect(batch: GraphBatch, stored: Map<string, GraphNode>): void {
  const known = new Set(batch.nodes.map((node) => node.id));
  const endpoints = batch.edges.flatMap((edge) => [edge.source, edge.target]);
  const dangling = [...new Set(endpoints.filter((id) => !known.has(id) && !stored.has(id)))];
  if (dangling.length > 0) {
    throw new Error(`The extracted graph has edges to unknown nodes: ${dangling.slice(0, 5).join(', ')}`);
  }
}

interface ScanResult {
  scanned: ScannedDocument[];
  resolver: CorpusResolver;
  ner: NerUsed;
  /** Whether the tagger's spans were used (what every fact's rule records). */
  tagged: boolean;
}

/**
 * Step 2. When the tagger fails in `auto` mode the whole scan starts again with the rules alone, so
 * that every document's names come from the same place (as in one import that falls back).
 */
async function scan(
  files: ListedFile[],
  gazetteer: Gazetteer,
  options: ImportOptions,
  batchSize: number,
  skipped: SkippedFile[],
): Promise<ScanResult> {
  const first = await scanOnce(files, gazetteer, options, batchSize);
  const result = first.fellBack
    ? { ...(await scanOnce(files, gazetteer, { ...options, ner: undefined }, batchSize)), ner: first.ner }
    : first;
  skipped.push(...result.skipped);
  result.resolver.finish();
  return result;
}

async function scanOnce(
  files: ListedFile[],
  gazetteer: Gazetteer,
  options: ImportOptions,
  batchSize: number,
): Promise<ScanResult & { skipped: SkippedFile[]; fellBack: boolean }> {
  const progress = options.onProgress ?? (() => undefined);
  const ner = options.ner;
  const resolver = new CorpusResolver(gazetteer);
  const scanned: ScannedDocument[] = [];
  const skipped: SkippedFile[] = [];
  let used: NerUsed = { used: 'rules' };
  for (const [index, batch] of chunks(files, batchSize).entries()) {
    const before = index * batchSize;
    const documents: SourceDocument[] = [];
    const fileOf = new Map<SourceDocument, ListedFile>();
    for (const file of batch) {
      const read = await readSourceFile(file, options.maxBytes);
      if ('skipped' in read) skipped.push(read.skipped);
      else {
        documents.push(read.document);
        fileOf.set(read.document, file);
      }
    }
    const tagged = await tagDocuments(documents, ner, (count, path) =>
      progress({ phase: 'scan', current: before + count, total: files.length, path }),
    );
    used = tagged.used;
    if (ner && ner.mode !== 'rules' && tagged.used.used === 'rules') {
      // The tagger failed (auto mode): every document's names must come from the rules then.
      return { scanned, resolver, ner: used, tagged: false, skipped, fellBack: true };
    }
    skipped.push(...tagged.skipped);
    for (const document of tagged.documents) {
      const spans = tagged.spans?.get(document);
      try {
        const mentions = documentMentions(document, gazetteer, spans);
        const doc = resolver.addDocument(mentions, document.authors);
        scanned.push({
          file: fileOf.get(document)!,
          doc,
          id: documentId(document.text),
          ...(spans ? { spans: detached(spans) } : {}),
        });
      } catch (error) {
        skipped.push({ path: document.path, reason: `extraction failed: ${errorText(error)}` });
      }
    }
    progress({ phase: 'scan', current: before + batch.length, total: files.length });
  }
  return { scanned, resolver, ner: used, tagged: used.used === 'corenlp', skipped, fellBack: false };
}

/** Steps 3 and 4 write through one run of the store's writes; this holds what they carry. */
class ImportRun {
  readonly counts = new WrittenCounts();
  readonly documents: ImportReport['documents'] = [];
  readonly alreadyImported: ImportReport['alreadyImported'] = [];
  /** Documents the store holds: written by this run or found already imported. */
  private readonly storedDocuments = new Set<string>();
  /** Statement occurrences, kept on disk until the statements are written (step 4). */
  private readonly spill = new StatementSpill();

  constructor(
    private readonly store: GraphStore,
    private readonly run: BatchWriter,
    private readonly assembler: GraphAssembler,
    private readonly curation: BatchCuration,
    private readonly names: string,
    /** Statement occurrences per part of a statements write. */
    private readonly perPart: number,
  ) {}

  /** One batch of documents: assembled in corpus order, written unless the store holds them all. */
  async importBatch(
    documents: Array<{ document: SourceDocument; mentions: ResolvedMention[] }>,
    skipped: SkippedFile[],
  ): Promise<void> {
    const failed = new Set<SourceDocument>();
    const assembled = this.assembler.assemble(documents, (document, error) => {
      failed.add(document);
      skipped.push({ path: document.path, reason: `extraction failed: ${errorText(error)}` });
    });
    this.spill.add(assembled.occurrences);
    const kept = documents.filter(({ document }) => !failed.has(document)).map(({ document }) => document);
    const ids = kept.map((document) => documentId(document.text));
    const nodes = [...assembled.nodes.values()];
    for (const [key, evidence] of assembled.entityEvidence) {
      // An entity's node goes with its first batch, and again while it gains evidence sentences
      // (the assembler knows which batch referred to it first: no set of keys kept here).
      if (!assembled.firstReferred.has(key) && evidence.length === 0) continue;
      nodes.push(this.assembler.entityNode(key, evidence));
    }
    const written = await this.write({ nodes, edges: assembled.edges.all() }, ids);
    kept.forEach((document, i) => {
      this.storedDocuments.add(ids[i]);
      // The title is cut from the article's text: a copy, or the report would keep every article.
      if (written) this.documents.push({ id: ids[i], title: detached(document.title), path: document.fileName });
      else this.alreadyImported.push({ id: ids[i], path: document.path });
    });
  }

  /**
   * Entities no document refers to (states a role names, bylines) and the statements, merged over
   * the corpus from the spilled occurrences, a group of whole speakers at a time (StatementSpill),
   * each group one write of about `perWrite` occurrences. Fewer, larger writes are faster: written
   * 2,000 statements at a time, each write's commit cost more the larger the database (the new
   * SAID, ABOUT and REPORTED_IN rows join the relationship tables of every actor and document): at
   * 1,000 articles six writes took 42 s, 22 s of them in commits, and left a 166 MB database; one
   * write, into empty relationship tables by COPY, took 25 s (2 s commit) and left 71 MB
   * (bench/import-throughput.ts, loaded machine). But a write is held in memory whole (the
   * JavaScript batch, and the engine's pages until it commits), so its size is bounded, see
   * STATEMENTS_PER_WRITE. A kill during a write loses the statements not yet written: the next
   * run finds every batch already imported and writes them all again (the ids are content hashes,
   * so those already written are merged, not doubled).
   */
  async finishCorpus(perWrite: number, onProgress: (current: number, total: number) => void): Promise<void> {
    const remaining = [...this.assembler.entities.keys()].filter((key) => !this.assembler.referred(key));
    const total = this.spill.size;
    onProgress(0, total);
    // Entities go with the first write (even when there is no statement to write).
    let entityNodes = remaining.map((key) => this.assembler.entityNode(key, []));
    // Speaker keys that give the same speaker id (or none) give the same statement ids.
    const groupOf = (key: string | null) => (key === null ? undefined : this.assembler.entities.get(key)?.id) ?? '';
    let written = 0;
    for (const occurrences of this.spill.groups(perWrite, groupOf)) {
      await this.writeStatements(occurrences, entityNodes, groupOf);
      entityNodes = [];
      written += occurrences.length;
      onProgress(written, total);
    }
    if (entityNodes.length > 0) await this.write({ nodes: entityNodes, edges: [] });
  }

  /**
   * One write of statements (and `entityNodes`); a write the store has not the memory for
   * (TooLargeError: LadybugDB's buffer pool is full; nothing of it was written) is written again
   * in two halves of whole speakers, each halved again as needed. The halves are independent
   * writes like the groups themselves: a kill between them loses only what a kill during one
   * write loses (see finishCorpus). Only a failure in the write itself is mended so: a checkpoint
   * that runs out of pool after the write committed stops the import with its own error
   * (kuzu-errors.ts checkpointFailed; written in halves, the next write crashed the process:
   * kuzu-database.ts, IMPORT_BUFFER_POOL_BYTES and IMPORT_AUTO_CHECKPOINT).
   */
  private async writeStatements(
    occurrences: StatementOccurrence[],
    entityNodes: GraphNode[],
    groupOf: (speakerKey: string | null) => string,
  ): Promise<void> {
    const halves = await this.writeStatementsOnce(occurrences, entityNodes, groupOf);
    if (!halves) return;
    await this.writeStatements(halves[0], entityNodes, groupOf);
    await this.writeStatements(halves[1], [], groupOf);
  }

  /**
   * Writes the statements, as one write in parts (GraphParts) of about STATEMENTS_PER_PART
   * occurrences each: a part's nodes, relationships and rows are made as the store asks for it
   * and dropped once written. Returns the halves to write instead when the write was too large.
   */
  private async writeStatementsOnce(
    occurrences: StatementOccurrence[],
    entityNodes: GraphNode[],
    groupOf: (speakerKey: string | null) => string,
  ): Promise<[StatementOccurrence[], StatementOccurrence[]] | null> {
    const parts = statementParts(occurrences, this.assembler.entities, this.perPart);
    const pending = new PendingCounts();
    try {
      await this.run.write(this.statementGraphParts(parts, entityNodes, pending));
      this.counts.addWritten(pending);
      return null;
    } catch (error) {
      const halves = error instanceof TooLargeError ? splitInTwo(occurrences, groupOf) : null;
      if (!halves) throw error;
      return halves;
    }
  }

  /** The parts' graphs, each made, curated and merged with the store when the store asks for it. */
  private async *statementGraphParts(
    parts: MergedStatement[][],
    entityNodes: GraphNode[],
    pending: PendingCounts,
  ): GraphParts {
    let nodes = entityNodes;
    for (const part of parts) {
      const prepared = await this.statementPart(part, nodes);
      nodes = [];
      if (!prepared) continue;
      pending.add(prepared.curated);
      yield prepared.merged;
    }
  }

  /** One part's graph, ready to write (a function of its own: nothing of it outlives the part). */
  private async statementPart(part: MergedStatement[], entityNodes: GraphNode[]): Promise<Prepared | null> {
    const statements = mergedStatementGraph(part, this.assembler.entities);
    const prepared = await this.prepare({
      nodes: [...entityNodes, ...statements.nodes.values()],
      edges: statements.edges.all(),
    });
    return typeof prepared === 'string' ? null : prepared;
  }

  /** Removes the spilled occurrences (at the end of the run, written or not). */
  removeSpill(): void {
    this.spill.remove();
  }

  /**
   * Writes a batch merged with what the store holds, unless `documents` (ids) are given and the
   * store holds them all: then the batch was written by an earlier run and is not written again
   * (curated only so that the report counts its corrections). Says whether it wrote.
   */
  private async write(extracted: GraphBatch, documents: string[] = []): Promise<boolean> {
    const prepared = await this.prepare(extracted, documents);
    if (prepared === 'stored') return false;
    if (prepared === 'empty') return true;
    await this.run.write(prepared.merged);
    this.counts.add(prepared.curated);
    return true;
  }

  /**
   * A batch with its rules' names source, curated and merged with what the store holds: `curated`
   * says what it writes (for the counts), `merged` is what to write. 'empty' when curation left
   * nothing; 'stored' when `documents` (ids) are given and the store holds them all.
   */
  private async prepare(extracted: GraphBatch, documents: string[] = []): Promise<Prepared | 'empty' | 'stored'> {
    for (const item of [...extracted.nodes, ...extracted.edges]) recordNames(item.properties, this.names);
    const batch = this.curation.apply(extracted);
    if (batch.nodes.length === 0 && batch.edges.length === 0) return 'empty';
    const stored = await storedNodes(this.store, batch, documents, this.storedDocuments);
    if (documents.length > 0 && documents.every((id) => stored.has(id))) return 'stored';
    assertEdgesConnect(batch, stored);
    return { curated: batch, merged: await mergeCarried(this.store, batch, stored) };
  }
}

/**
 * The entities' curation for every batch. A function of its own so that the entity node of every
 * entity, made here to find those the corrections name, is not kept for the rest of the import.
 */
function batchCuration(corrections: Correction[], assembler: GraphAssembler, names: string): BatchCuration {
  const allEntities = [...assembler.entities.keys()].map((key) => assembler.entityNode(key, []));
  for (const node of allEntities) recordNames(node.properties, names);
  return new BatchCuration(corrections, namedByCorrections(corrections, allEntities));
}

/**
 * Step 3 for one batch: its documents read again, with their resolved mentions. A function of its
 * own so that the batch's texts are not held by the caller once written (the statements phase
 * held the last batch's 1,000 articles and their mentions).
 */
async function importBatchOf(
  batch: ScannedDocument[],
  context: {
    run: ImportRun;
    resolver: CorpusResolver;
    gazetteer: Gazetteer;
    maxBytes: number | undefined;
    skipped: SkippedFile[];
  },
): Promise<void> {
  const { resolver, gazetteer, skipped } = context;
  const documents = [];
  for (const item of batch) {
    const read = await readSourceFile(item.file, context.maxBytes);
    // A file changed or removed since the scan is skipped: its names are already in the table.
    if ('skipped' in read || documentId(read.document.text) !== item.id) {
      skipped.push({ path: item.file.path, reason: 'changed or removed during the import' });
      continue;
    }
    const mentions = documentMentions(read.document, gazetteer, item.spans);
    documents.push({ document: read.document, mentions: resolver.mentionsOf(item.doc, mentions) });
  }
  await context.run.importBatch(documents, skipped);
}

/** The store's writer, calling `after` once each of its writes (and its finish) has ended. */
function afterEachWrite(writer: BatchWriter, after: (() => void) | undefined): BatchWriter {
  if (!after) return writer;
  return {
    write: (batch) => writer.write(batch).finally(after),
    finish: () => writer.finish().finally(after),
  };
}

export async function importDocuments(
  store: GraphStore,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const skipped: SkippedFile[] = [];
  const files = await listSourceFiles(paths, skipped);
  const gazetteer = await loadGazetteer();
  const scanned = await scan(files, gazetteer, options, batchSize, skipped);
  const { resolver } = scanned;
  const assembler = new GraphAssembler(resolver.entities, gazetteer);
  const corrections = await loadCuration(options.curationPath ?? DEFAULT_CURATION);
  const names = namesSource(scanned.tagged ? new Map() : undefined);
  const curation = batchCuration(corrections, assembler, names);

  const writer = afterEachWrite(await store.beginWrites(), options.afterWrite);
  const perPart = Math.max(1, options.statementsPerPart ?? STATEMENTS_PER_PART);
  const run = new ImportRun(store, writer, assembler, curation, names, perPart);
  try {
    let done = 0;
    // Said before the first batch, so that its time counts as importing, not as scanning.
    progress({ phase: 'import', current: 0, total: scanned.scanned.length });
    for (const batch of chunks(scanned.scanned, batchSize)) {
      await importBatchOf(batch, { run, resolver, gazetteer, maxBytes: options.maxBytes, skipped });
      done += batch.length;
      progress({ phase: 'import', current: done, total: scanned.scanned.length, path: batch.at(-1)?.file.path });
    }
    await run.finishCorpus(Math.max(1, options.statementsPerWrite ?? STATEMENTS_PER_WRITE), (current, total) =>
      progress({ phase: 'statements', current: Math.min(current, total), total }),
    );
  } finally {
    run.removeSpill();
    await writer.finish();
  }
  progress({ phase: 'done', current: run.documents.length, total: scanned.scanned.length });
  return {
    documents: run.documents,
    alreadyImported: run.alreadyImported,
    skipped,
    curation: curation.report(),
    ner: scanned.ner,
    nodesByLabel: run.counts.nodesByLabel,
    edgesByType: run.counts.edgesByType,
    elapsedMs: Date.now() - started,
  };
}
