/**
 * The statements of an export read as sentences (speaker — said — "text" — about X, Y — date —
 * source), made from the exported nodes and their SAID, ABOUT and REPORTED_IN relations only: a
 * view exports what it shows, nothing is read from elsewhere.
 */
import type { NodeRef, SourceRef } from '../domain/api.js';
import { captionOf, type NodeLabel } from '../domain/graph.js';
import { inReadingOrder, statementSentence, type StatementFacts } from '../domain/statement-sentence.js';
import type { ExportEdge, ExportNode } from './export-graph.js';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Only statements and documents need more than their name (and not a document's whole text). */
function keptProperties(node: ExportNode): ExportNode['properties'] {
  const p = node.properties;
  if (node.label === 'Statement') return p;
  if (node.label === 'Document') return { title: p.title ?? null, published: p.published ?? null };
  return {};
}

/** What is kept of each node while the edges are read: a name, and a statement's own fields. */
interface Known {
  ref: NodeRef;
  node: ExportNode;
}

export class StatementSentences {
  private readonly known = new Map<string, Known>();
  private readonly views = new Map<string, StatementFacts>();

  /** Call for every exported node, before the edges. */
  addNode(node: ExportNode): void {
    const ref = {
      id: node.id,
      label: node.label as NodeLabel,
      caption: captionOf({ label: node.label as NodeLabel, properties: node.properties }),
    };
    this.known.set(node.id, { ref, node: { ...node, properties: keptProperties(node) } });
  }

  /** Call for every exported edge (a first pass over them): collects who said what, about whom, where. */
  addEdge(edge: ExportEdge): void {
    const from = this.known.get(edge.source);
    const to = this.known.get(edge.target);
    if (!from || !to) return;
    if (edge.type === 'SAID' && to.node.label === 'Statement') this.viewOf(to).speakers.push(from.ref);
    else if (edge.type === 'ABOUT' && from.node.label === 'Statement') this.viewOf(from).about.push(to.ref);
    else if (edge.type === 'REPORTED_IN' && from.node.label === 'Statement')
      this.viewOf(from).sources.push(this.sourceOf(edge, to.node));
  }

  /** The sentence of the statement at either end of this edge, or '' when neither is one. */
  sentenceFor(edge: ExportEdge): string {
    const view = this.views.get(edge.source) ?? this.views.get(edge.target);
    return view ? statementSentence(inReadingOrder(view)) : '';
  }

  private viewOf(statement: Known): StatementFacts {
    let view = this.views.get(statement.ref.id);
    if (!view) {
      const p = statement.node.properties;
      view = {
        id: statement.ref.id,
        text: text(p.text) ?? '',
        kind: text(p.kind) ?? 'quote',
        date: text(p.date),
        dateSource: text(p.dateSource),
        confidence: typeof p.confidence === 'number' ? p.confidence : null,
        speaker: null,
        speakers: [],
        about: [],
        sources: [],
      };
      this.views.set(statement.ref.id, view);
    }
    return view;
  }

  private sourceOf(edge: ExportEdge, document: ExportNode): SourceRef {
    return {
      documentId: document.id,
      documentTitle: text(document.properties.title) ?? document.id,
      published: text(document.properties.published),
      sentence: text(edge.properties.sentence) ?? '',
      start: Number(edge.properties.startOffset ?? 0),
      end: Number(edge.properties.endOffset ?? 0),
    };
  }
}
