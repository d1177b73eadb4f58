/** Stage: who speaks, as the statement rules find them (extract/speakers.ts) before a verb of saying or after a quote. */
import { describe, expect, it } from 'vitest';
import { speakerContext } from '../../../../server/importer/assemble/speaker-context.js';
import { speakerEndingAt, speakerStartingAt } from '../../../../server/importer/extract/speakers.js';
import { prepare } from './stage-input.js';

/** The speaker written before `verb` in the text (the subject of "said"). */
function speakerBefore(text: string, verb: string): string | undefined {
  const { context, nameOf } = prepare(text);
  const found = speakerEndingAt(text, 0, text.indexOf(verb), speakerContext(context, [], new Set()));
  return found && `${nameOf(found.entityKey)} (${found.rule})`;
}

/** The speaker written after the closing quote of the text's first quotation. */
function speakerAfterQuote(text: string): string | undefined {
  const { context, nameOf } = prepare(text);
  const from = text.indexOf('”') + 1;
  const found = speakerStartingAt(text, from, text.length, speakerContext(context, [], new Set()));
  return found && `${nameOf(found.entityKey)} (${found.rule})`;
}

describe('speakers stage', () => {
  it('finds a named person right before the verb', () => {
    expect(speakerBefore('Tomas Halvik, a diplomat, arrived. Tomas Halvik said the border was open.', ' said')).toMatch(
      /^Tomas Halvik /,
    );
  });

  it('finds a state or an institution speaking', () => {
    expect(speakerBefore('Ruritania said the border was open.', ' said')).toMatch(/^Ruritania /);
    expect(speakerBefore('The Danube Council said the border was open.', ' said')).toMatch(/^Danube Council /);
  });

  it('finds the person a pronoun stands for', () => {
    const text = 'Ilse Marenko arrived in the morning. She said the border was open.';
    expect(speakerBefore(text, ' said')).toMatch(/^Ilse Marenko /);
  });

  it('finds a title and name after a quote', () => {
    expect(speakerAfterQuote('“The border is open,” Foreign Minister Ilse Marenko said.')).toMatch(/^Ilse Marenko /);
  });

  it('finds no speaker where nobody is named', () => {
    expect(speakerBefore('Some people said the border was open.', ' said')).toBeUndefined();
  });
});
