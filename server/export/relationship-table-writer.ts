/**
 * A spreadsheet of relationships: one CSV row per relationship with both endpoints' names and
 * labels, the statement at either end read as a sentence, its type, date, title or role, confidence, and the sentences that support it. Cells
 * that would run as formulas in a spreadsheet are neutralised (see spreadsheetCell).
 */
import { decodeEvidence } from '../domain/graph.js';
import { spreadsheetCsvLine } from './csv-text.js';
import type { ExportSource } from './export-graph.js';
import { StatementSentences } from './statement-sentences.js';

const COLUMNS = [
  'source_name',
  'source_label',
  'type',
  'target_name',
  'target_label',
  'statement',
  'date',
  'title_or_role',
  'confidence',
  'rule',
  'evidence',
  'documents',
  'source_id',
  'target_id',
  'id',
];

function nameOf(properties: Record<string, unknown>, fallback: string): string {
  const text = properties.name ?? properties.title ?? properties.text;
  return typeof text === 'string' && text !== '' ? text : fallback;
}

export async function* writeRelationshipTable(source: ExportSource): AsyncGenerator<string> {
  const names = new Map<string, { name: string; label: string }>();
  const statements = new StatementSentences();
  for await (const node of source.nodes()) {
    names.set(node.id, { name: nameOf(node.properties, node.id), label: node.label });
    statements.addNode(node);
  }
  // A first pass over the relationships learns who said each statement and what it is about, so
  // that every row touching a statement reads it as a sentence.
  for await (const edge of source.edges()) statements.addEdge(edge);
  yield '\uFEFF'; // a BOM so spreadsheet programs read UTF-8
  yield spreadsheetCsvLine(COLUMNS);
  for await (const edge of source.edges()) {
    const from = names.get(edge.source) ?? { name: edge.source, label: '' };
    const to = names.get(edge.target) ?? { name: edge.target, label: '' };
    const p = edge.properties;
    const evidence = decodeEvidence(p.evidence);
    const sentences =
      evidence.length > 0 ? evidence.map((item) => item.sentence) : typeof p.sentence === 'string' ? [p.sentence] : [];
    yield spreadsheetCsvLine([
      from.name,
      from.label,
      edge.type,
      to.name,
      to.label,
      statements.sentenceFor(edge),
      p.date ?? '',
      p.title ?? p.role ?? '',
      p.confidence ?? '',
      p.rule ?? '',
      sentences.join(' | '),
      [...new Set(evidence.map((item) => item.documentId))].join(' | '),
      edge.source,
      edge.target,
      edge.id,
    ]);
  }
}
