/**
 * The assemblers (server/importer/assemble/): each turns one kind of fact a stage found into
 * nodes, edges, statement occurrences and entity evidence, on a per-document context.
 */
import { describe, expect, it } from 'vitest';
import { addAuthors } from '../../../../server/importer/assemble/author-graph.js';
import { addMentions } from '../../../../server/importer/assemble/mention-graph.js';
import { addRoles, roleContext } from '../../../../server/importer/assemble/role-graph.js';
import { speakerContext } from '../../../../server/importer/assemble/speaker-context.js';
import { addStatementOccurrences } from '../../../../server/importer/assemble/statement-occurrences.js';
import { extractRoles } from '../../../../server/importer/extract/roles.js';
import { extractStatements } from '../../../../server/importer/extract/statements.js';
import { GAZETTEER, prepare } from './stage-input.js';

describe('the mention assembler', () => {
  it('makes one MENTIONED_IN edge per entity with its count and spans, and its first sentence as evidence', () => {
    const text = 'Ruritania protested. Ruritania’s envoy left Szohod. Borduria said nothing.';
    const { context } = prepare(text);
    addMentions(context);
    const edge = context.facts.edges.all().find((e) => e.source === 'actor:ruritania')!;
    expect(edge).toMatchObject({ id: `MENTIONED_IN:actor:ruritania->${context.id}`, type: 'MENTIONED_IN' });
    expect(edge.properties).toMatchObject({ mentions: 2, spans: '[[0,9],[21,30]]', date: '2025-03-14' });
    expect(context.facts.entityEvidence.get('g:Ruritania')!.map((e) => e.sentence)).toEqual(['Ruritania protested.']);
  });
});

describe('the author assembler', () => {
  it('makes the byline wrote the document', () => {
    const { context } = prepare('Ruritania protested.', ['Mira Lenz']);
    const authors = addAuthors(context);
    expect([...authors]).toEqual(['p:mira-lenz']);
    expect(context.facts.edges.all().map((e) => e.id)).toEqual([
      `WROTE:actor:mira-lenz->${context.id}`,
      `MENTIONED_IN:actor:mira-lenz->${context.id}`,
    ]);
  });
});

describe('the role assembler', () => {
  it('keys a role edge by its title, with the sentence as evidence', () => {
    const text = 'Bordurian President Tomas Halvik arrived.';
    const { context } = prepare(text);
    addRoles(context, extractRoles(text, context.sentences, roleContext(context), GAZETTEER));
    const [edge] = context.facts.edges.all();
    expect(edge.id).toBe('HOLDS_ROLE:actor:tomas-halvik->actor:borduria:president');
    expect(edge.properties).toMatchObject({ title: 'President', status: 'current' });
    expect(JSON.parse(String(edge.properties.evidence))[0].sentence).toBe(text);
  });
});

describe('the statement assembler', () => {
  it('dates a statement by its words, and one that continues it by the same speaker with the same date', () => {
    const text =
      'Ilse Marenko said on March 6 that the border would reopen. She also said that Szohod had agreed. ' +
      'Karel Brandt, an analyst, said the plan was weak.';
    const { context, nameOf } = prepare(text);
    const statements = extractStatements(text, context.sentences, speakerContext(context, [], new Set()));
    addStatementOccurrences(context, statements);
    expect(
      context.facts.occurrences.map((o) => [
        nameOf(o.statement.speakerKey),
        o.date,
        o.dateExplicit,
        o.about.map(nameOf),
      ]),
    ).toEqual([
      ['Ilse Marenko', '2025-03-06', true, []],
      ['Ilse Marenko', '2025-03-06', true, ['Borduria']],
      ['Karel Brandt', null, false, []],
    ]);
  });
});
