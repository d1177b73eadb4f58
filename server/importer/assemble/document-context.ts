/**
 * What assembling one document works with and writes to: its text, sentences and resolved
 * mentions, the corpus's entities, and the facts it adds (nodes, edges, statement occurrences,
 * evidence sentences per entity). Each assembler (mention-graph.ts, role-graph.ts, …) takes it
 * and adds its own kind of fact.
 */
import type { Evidence, GraphNode } from '../../domain/graph.js';
import { sentenceContaining, splitSentences, type Sentence } from '../extract/sentences.js';
import { documentId } from '../ids.js';
import type { SourceDocument } from '../read/types.js';
import type { Entity, ResolvedMention } from '../resolve/entities.js';
import type { StatementOccurrence } from '../resolve/statements.js';
import type { CorpusEntities } from './corpus-entities.js';
import { EdgeCollector } from './edge-collector.js';

/** What assembling some documents gives: their graph but the statements, merged later (see GraphAssembler). */
export interface AssembledDocuments {
  nodes: Map<string, GraphNode>;
  edges: EdgeCollector;
  occurrences: StatementOccurrence[];
  /** Entity keys the documents refer to, and the evidence sentences they add to each (at most 3 in all). */
  entityEvidence: Map<string, Evidence[]>;
}

export function emptyAssembled(): AssembledDocuments {
  return { nodes: new Map(), edges: new EdgeCollector(), occurrences: [], entityEvidence: new Map() };
}

export class DocumentContext {
  readonly id: string;
  readonly text: string;
  readonly sentences: Sentence[];
  readonly facts: AssembledDocuments = emptyAssembled();

  constructor(
    readonly document: SourceDocument,
    readonly mentions: ResolvedMention[],
    readonly entities: CorpusEntities,
  ) {
    this.text = document.text;
    this.sentences = splitSentences(this.text);
    this.id = documentId(this.text);
  }

  /** The text between two offsets as a fact's evidence. */
  evidence(start: number, end: number): Evidence {
    return { documentId: this.id, sentence: this.text.slice(start, end), start, end };
  }

  sentenceOf(position: number): Sentence | undefined {
    return sentenceContaining(this.sentences, position);
  }

  /** Records that the document refers to the entity (so its node is written with this document's evidence). */
  refer(entity: Entity): Entity {
    if (!this.facts.entityEvidence.has(entity.key)) this.facts.entityEvidence.set(entity.key, []);
    return entity;
  }

  /** Adds an evidence sentence to an entity the document refers to. */
  addEntityEvidence(entity: Entity, evidence: Evidence): void {
    this.refer(entity);
    this.facts.entityEvidence.get(entity.key)!.push(evidence);
  }
}
