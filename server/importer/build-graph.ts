/**
 * From read documents to a GraphBatch: sentences -> mentions -> entities (resolved across all
 * documents) -> roles, statements, relations -> nodes and edges with stable ids and evidence.
 * The stages are in extract/ and resolve/ (their word lists in vocabulary/), each kind of fact is
 * made into nodes and edges by its assembler in assemble/, and every id comes from ids.ts.
 * Pure and deterministic: the same documents give the same batch.
 */
import type { Evidence, GraphBatch, GraphNode } from '../domain/graph.js';
import { addAuthors } from './assemble/author-graph.js';
import { CorpusEntities } from './assemble/corpus-entities.js';
import { DocumentContext, emptyAssembled, type AssembledDocuments } from './assemble/document-context.js';
import { addDocumentNode } from './assemble/document-node.js';
import { EdgeCollector } from './assemble/edge-collector.js';
import { entityNode, MAX_ENTITY_EVIDENCE } from './assemble/entity-node.js';
import { addMentions } from './assemble/mention-graph.js';
import { addRelations, relationContext } from './assemble/relation-graph.js';
import { addRoles, roleContext } from './assemble/role-graph.js';
import { speakerContext } from './assemble/speaker-context.js';
import { addStatementOccurrences } from './assemble/statement-occurrences.js';
import { addStatements, mergedStatementId } from './assemble/statement-graph.js';
import { furnitureSpans } from './extract/furniture.js';
import { findMentions, type Mention } from './extract/mentions.js';
import { NerHints } from './extract/ner-hints.js';
import { extractRelations } from './extract/relations.js';
import { extractRoles } from './extract/roles.js';
import { extractStatements } from './extract/statements.js';
import { emptyGazetteer, type Gazetteer } from './gazetteer.js';
import type { NerSpan } from './ner/ner-types.js';
import type { SourceDocument } from './read/types.js';
import { CorpusResolver, type Entity, type ResolvedMention } from './resolve/entities.js';
import { mergeStatements, type MergedStatement, type StatementOccurrence } from './resolve/statements.js';

export { loadGazetteer } from './gazetteer.js';

export interface BuildOptions {
  /** Known entities and their variants; without it names are found by their shape and context only. */
  gazetteer?: Gazetteer;
  /** The named-entity tagger's spans per document; without them the rules find names alone. */
  ner?: NerByDocument | undefined;
}

export type NerByDocument = Map<SourceDocument, NerSpan[]>;

export { MAX_ENTITY_EVIDENCE } from './assemble/entity-node.js';
export type { AssembledDocuments } from './assemble/document-context.js';

/** What GraphAssembler.assemble gives for some documents. */
export interface AssembledBatch extends AssembledDocuments {
  /** Entity keys that no document assembled before these refers to. */
  firstReferred: Set<string>;
}
export { documentId } from './ids.js';

/** A document's mentions before resolution (the byline's names and the tagger's spans included). */
export function documentMentions(document: SourceDocument, gazetteer: Gazetteer, spans?: NerSpan[]): Mention[] {
  return outsideFurniture(
    document.text,
    findMentions(document.text, gazetteer, new NerHints(withAuthors(document, spans))),
  );
}

/**
 * Builds documents' graphs against one corpus-wide entity table, a batch at a time: the entity
 * table comes from a CorpusResolver that saw every document first, and the few things carried
 * from batch to batch (how many evidence sentences each entity already has, the gazetteer states
 * that roles added to the table) live here, so that documents assembled in batches, in order,
 * give the same nodes and edges as all of them at once. Statements are returned as occurrences:
 * they merge across the whole corpus (mergeStatements) once every batch was assembled.
 */
export class GraphAssembler {
  /** Evidence sentences given to each entity so far (the first MAX_ENTITY_EVIDENCE documents'). */
  private readonly evidenceCount = new Map<string, number>();
  private readonly corpus: CorpusEntities;

  constructor(
    readonly entities: Map<string, Entity>,
    private readonly gazetteer: Gazetteer,
  ) {
    this.corpus = new CorpusEntities(entities, gazetteer);
  }

  /**
   * Documents with their resolved mentions, in corpus order. A document whose extraction throws is
   * left out (and named in `failed`) without touching what the others give.
   */
  assemble(
    documents: Array<{ document: SourceDocument; mentions: ResolvedMention[] }>,
    failed: (document: SourceDocument, error: unknown) => void = (_document, error) => {
      throw error;
    },
  ): AssembledBatch {
    const result = { ...emptyAssembled(), firstReferred: new Set<string>() };
    for (const { document, mentions } of documents) {
      let one: AssembledDocuments;
      try {
        one = this.assembleOne(document, mentions);
      } catch (error) {
        failed(document, error);
        continue;
      }
      this.addTo(result, one);
    }
    return result;
  }

  /** Whether a document assembled so far refers to the entity (its node was given with a batch). */
  referred(key: string): boolean {
    return this.evidenceCount.has(key);
  }

  /** The node of an entity, with these evidence sentences. */
  entityNode(key: string, evidence: Evidence[]): GraphNode {
    return entityNode(this.entities.get(key)!, evidence);
  }

  /** One document's facts, stage by stage: each extract/ stage, then the assembler of its kind of fact. */
  private assembleOne(document: SourceDocument, mentions: ResolvedMention[]): AssembledDocuments {
    const context = new DocumentContext(document, mentions, this.corpus);
    const { text, sentences } = context;
    // Roles first: a role the gazetteer knows may add its state to the entity table.
    const roles = extractRoles(text, sentences, roleContext(context), this.gazetteer);
    addDocumentNode(context);
    addMentions(context);
    const authorKeys = addAuthors(context);
    addRoles(context, roles);
    const speakers = speakerContext(context, roles, authorKeys);
    const statements = extractStatements(text, sentences, speakers);
    addStatementOccurrences(context, statements);
    addRelations(context, extractRelations(text, sentences, relationContext(context, statements, speakers)));
    return context.facts;
  }

  /** One document's facts joined to the batch's; each entity keeps its first MAX_ENTITY_EVIDENCE sentences. */
  private addTo(result: AssembledBatch, one: AssembledDocuments): void {
    for (const [id, node] of one.nodes) result.nodes.set(id, node);
    result.edges.addFrom(one.edges);
    result.occurrences.push(...one.occurrences);
    for (const [key, evidence] of one.entityEvidence) {
      if (!this.evidenceCount.has(key)) result.firstReferred.add(key);
      const count = this.evidenceCount.get(key) ?? 0;
      const added = evidence.slice(0, Math.max(0, MAX_ENTITY_EVIDENCE - count));
      this.evidenceCount.set(key, count + added.length);
      result.entityEvidence.set(key, [...(result.entityEvidence.get(key) ?? []), ...added]);
    }
  }
}

/** Statement occurrences merged across the corpus, as Statement nodes and their edges. */
export function statementGraph(
  occurrences: StatementOccurrence[],
  entities: Map<string, Entity>,
): { nodes: Map<string, GraphNode>; edges: EdgeCollector } {
  return mergedStatementGraph(mergeStatements(occurrences), entities);
}

/** Statements already merged (mergeStatements), as Statement nodes and their edges. */
export function mergedStatementGraph(
  merged: MergedStatement[],
  entities: Map<string, Entity>,
): { nodes: Map<string, GraphNode>; edges: EdgeCollector } {
  const nodes = new Map<string, GraphNode>();
  const edges = new EdgeCollector();
  addStatements(merged, entities, nodes, edges);
  return { nodes, edges };
}

/**
 * Occurrences merged (mergeStatements) and cut into parts of about `perPart` occurrences, for a
 * write in parts: the merged statements that get one id (the same words from two speaker keys of
 * one speaker, or of none) stay in one part, in their order, so that each part's nodes and edges
 * are its own and the parts' graphs together are statementGraph's.
 */
export function statementParts(
  occurrences: StatementOccurrence[],
  entities: Map<string, Entity>,
  perPart: number,
): MergedStatement[][] {
  const byId = new Map<string, MergedStatement[]>();
  for (const merged of mergeStatements(occurrences)) {
    const id = mergedStatementId(merged, entities);
    const same = byId.get(id);
    if (same) same.push(merged);
    else byId.set(id, [merged]);
  }
  const parts: MergedStatement[][] = [];
  let part: MergedStatement[] = [];
  let size = 0;
  for (const same of byId.values()) {
    if (size >= perPart) {
      parts.push(part);
      [part, size] = [[], 0];
    }
    for (const merged of same) {
      part.push(merged);
      size += merged.occurrences.length;
    }
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** Where the names came from, as every extracted fact's rule records it. */
export function namesSource(ner: NerByDocument | undefined): 'corenlp' | 'rules' {
  return ner ? 'corenlp' : 'rules';
}

/** Every extracted fact's rule says where the names came from: "quote:verb-before@corenlp", "…@rules". */
export function recordNames(properties: Record<string, unknown>, names: string): void {
  if (typeof properties.rule === 'string' && !properties.rule.includes('@'))
    properties.rule = `${properties.rule}@${names}`;
}

/** All documents at once: resolution over them, then one batch (what the streaming import reproduces). */
export function buildGraph(documents: SourceDocument[], options: BuildOptions = {}): GraphBatch {
  const gazetteer = options.gazetteer ?? emptyGazetteer();
  const resolver = new CorpusResolver(gazetteer);
  const found = documents.map((document) => {
    const mentions = documentMentions(document, gazetteer, options.ner?.get(document));
    return { document, mentions, doc: resolver.addDocument(mentions, document.authors) };
  });
  resolver.finish();
  const assembler = new GraphAssembler(resolver.entities, gazetteer);
  const assembled = assembler.assemble(
    found.map(({ document, mentions, doc }) => ({ document, mentions: resolver.mentionsOf(doc, mentions) })),
  );
  const nodes = assembled.nodes;
  for (const entity of resolver.entities.values())
    nodes.set(entity.id, entityNode(entity, assembled.entityEvidence.get(entity.key) ?? []));
  const statements = statementGraph(assembled.occurrences, resolver.entities);
  for (const [id, node] of statements.nodes) nodes.set(id, node);
  assembled.edges.addFrom(statements.edges);

  const sortedNodes = [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id));
  const sortedEdges = assembled.edges.all().sort((a, b) => a.id.localeCompare(b.id));
  const names = namesSource(options.ner);
  for (const item of [...sortedNodes, ...sortedEdges]) recordNames(item.properties, names);
  return { nodes: sortedNodes, edges: sortedEdges };
}

/**
 * The byline's names are people wherever the text writes them ("Orkhan Jalilov Analysis 3 September"
 * is an author and a section name): added to the tagger's spans, replacing any they overlap.
 */
function withAuthors(document: SourceDocument, spans: NerSpan[] | undefined): NerSpan[] | undefined {
  const authors: NerSpan[] = [];
  for (const author of document.authors) {
    if (author.trim().split(/\s+/).length < 2) continue;
    for (let at = document.text.indexOf(author); at >= 0; at = document.text.indexOf(author, at + author.length))
      authors.push({ start: at, end: at + author.length, text: author, tag: 'PERSON' });
  }
  if (authors.length === 0) return spans;
  const outside = (span: NerSpan) => !authors.some((a) => a.start < span.end && span.start < a.end);
  return [...(spans ?? []).filter(outside), ...authors];
}

/** People named only by a sign-off's editors or a photo credit are not in the story. */
function outsideFurniture(text: string, mentions: Mention[]): Mention[] {
  const spans = furnitureSpans(text);
  if (spans.length === 0) return mentions;
  return mentions.filter((m) => m.type !== 'person' || !spans.some(([a, b]) => m.start >= a && m.end <= b));
}
