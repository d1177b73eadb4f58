/**
 * Statements merged across documents become Statement nodes with SAID (speaker -> statement),
 * REPORTED_IN (statement -> each document, with its sentence and offsets) and ABOUT (statement ->
 * what it names). The id hashes the normalised words and the speaker, so the same quote in
 * straight or curly quotes, from any article, is one node.
 */
import type { GraphNode } from '../../domain/graph.js';
import type { Entity } from '../resolve/entities.js';
import { statementKey, type MergedStatement } from '../resolve/statements.js';
import { edgeId, statementId } from '../ids.js';
import type { EdgeCollector } from './edge-collector.js';

/** The id of a merged statement's node (the same for the same words from speaker keys of one speaker). */
export function mergedStatementId(merged: MergedStatement, entities: Map<string, Entity>): string {
  const speaker = merged.speakerKey ? entities.get(merged.speakerKey) : undefined;
  return statementId(statementKey(merged.text), speaker?.id);
}

export function addStatements(
  statements: MergedStatement[],
  entities: Map<string, Entity>,
  nodes: Map<string, GraphNode>,
  edges: EdgeCollector,
): void {
  for (const merged of statements) {
    const speaker = merged.speakerKey ? entities.get(merged.speakerKey) : undefined;
    const id = mergedStatementId(merged, entities);
    // Two articles may date one quote differently: "on April 13" wins over "last week".
    const datedFromText =
      (merged.occurrences.find((o) => o.date && o.dateExplicit) ?? merged.occurrences.find((o) => o.date))?.date ??
      null;
    const published =
      merged.occurrences
        .map((o) => o.published)
        .filter(Boolean)
        .sort()[0] ?? null;
    const confidence = Math.max(...merged.occurrences.map((o) => o.statement.confidence));
    const rule = merged.occurrences[0].statement.rule;
    nodes.set(id, {
      id,
      label: 'Statement',
      properties: {
        text: merged.text,
        kind: merged.kind,
        date: datedFromText ?? published,
        dateSource: datedFromText ? 'text' : published ? 'published' : null,
        speaker: speaker?.name ?? null,
        rule,
        confidence,
      },
    });
    const evidence = merged.occurrences.map((o) => o.evidence);
    if (speaker)
      edges.add(
        {
          id: edgeId('SAID', speaker.id, id),
          type: 'SAID',
          source: speaker.id,
          target: id,
          sourceLabel: speaker.label,
          targetLabel: 'Statement',
          properties: { rule, confidence, date: datedFromText },
        },
        evidence,
      );
    for (const occurrence of merged.occurrences) {
      edges.add(
        {
          id: edgeId('REPORTED_IN', id, occurrence.documentId),
          type: 'REPORTED_IN',
          source: id,
          target: occurrence.documentId,
          sourceLabel: 'Statement',
          targetLabel: 'Document',
          properties: {
            rule: occurrence.statement.rule,
            confidence: occurrence.statement.confidence,
            date: occurrence.date,
            sentence: occurrence.evidence.sentence,
            startOffset: occurrence.evidence.start,
            endOffset: occurrence.evidence.end,
          },
        },
        [occurrence.evidence],
      );
      for (const key of occurrence.about) {
        const about = entities.get(key);
        if (!about || key === merged.speakerKey) continue;
        edges.add(
          {
            id: edgeId('ABOUT', id, about.id),
            type: 'ABOUT',
            source: id,
            target: about.id,
            sourceLabel: 'Statement',
            targetLabel: about.label,
            properties: { rule: 'about:mention', confidence: 0.7, date: occurrence.date },
          },
          [occurrence.evidence],
        );
      }
    }
  }
}
