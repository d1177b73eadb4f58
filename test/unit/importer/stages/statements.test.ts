/** Stage: what is said and by whom (extract/statements.ts): quotes and reported speech, on mentions already resolved. */
import { describe, expect, it } from 'vitest';
import { speakerContext } from '../../../../server/importer/assemble/speaker-context.js';
import { extractStatements } from '../../../../server/importer/extract/statements.js';
import { prepare } from './stage-input.js';

function statements(text: string, authors: string[] = []): string[] {
  const { context, nameOf } = prepare(text, authors);
  const authorKeys = new Set(context.entities.authorsOf(context.document).map((entity) => entity.key));
  return extractStatements(text, context.sentences, speakerContext(context, [], authorKeys)).map(
    (statement) => `${nameOf(statement.speakerKey) ?? '?'} ${statement.kind}: ${statement.text}`,
  );
}

describe('statements stage', () => {
  it('reads a quote with its speaker before it, and one with its speaker after it', () => {
    expect(
      statements(
        'Ilse Marenko, Ruritania’s foreign minister, told reporters: “We will not wait.” Later Tomas Halvik, the ' +
          'Bordurian president, arrived. “It is too early,” Halvik said.',
      ),
    ).toEqual(['Ilse Marenko quote: We will not wait', 'Tomas Halvik quote: It is too early']);
  });

  it('reads reported speech after a verb of saying, with "that" or without', () => {
    expect(statements('Ilse Marenko said that the border would stay open.')).toEqual([
      'Ilse Marenko reported: the border would stay open',
    ]);
    expect(statements('Karel Brandt, a senior fellow, said the talks had stalled.')).toEqual([
      'Karel Brandt reported: the talks had stalled',
    ]);
  });

  it("gives a pronoun's statement to the person it stands for", () => {
    expect(statements('Ilse Marenko arrived on Monday. She said Strelsau was ready.')).toEqual([
      'Ilse Marenko reported: Strelsau was ready',
    ]);
  });

  it('keeps a quote whose speaker it cannot name, without a speaker', () => {
    expect(statements('“We will keep the border open,” the statement read.')).toEqual([
      '? quote: We will keep the border open',
    ]);
  });

  it('finds nothing in a sentence that reports no speech', () => {
    expect(statements('Ilse Marenko arrived in Szohod on Monday.')).toEqual([]);
  });
});
