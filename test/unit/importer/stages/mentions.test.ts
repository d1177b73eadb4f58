/** Stage: the names a text mentions, before resolution (extract/mentions.ts), with a small gazetteer of invented entities. */
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../../server/importer/extract/mentions.js';
import { GAZETTEER } from './stage-input.js';

const found = (text: string) =>
  findMentions(text, GAZETTEER).map((m) => ({ text: m.text, type: m.type, title: m.title, possessive: m.possessive }));

describe('mentions stage', () => {
  it('finds gazetteer forms: a state, its adjective, an institution by alias, a person', () => {
    expect(found('Ilse Marenko told the DC that Bordurian troops had left the Republic of Borduria.')).toEqual([
      { text: 'Ilse Marenko', type: 'person', title: undefined, possessive: false },
      { text: 'DC', type: 'institution', title: undefined, possessive: false },
      { text: 'Bordurian', type: 'state', title: undefined, possessive: false },
      { text: 'Republic of Borduria', type: 'state', title: undefined, possessive: false },
    ]);
  });

  it('reads a capital as its government when it acts, and as a place after "in"', () => {
    const acting = findMentions('Strelsau rejected the offer.', GAZETTEER)[0];
    expect([acting.text, acting.type]).toEqual(['Strelsau', 'state']);
    const place = findMentions('The ministers met in Strelsau.', GAZETTEER).find((m) => m.text === 'Strelsau')!;
    expect(place.type).toBe('place');
  });

  it('keeps a title apart from the name it stands before', () => {
    expect(found('Foreign Minister Ilse Marenko arrived.')[0]).toMatchObject({
      text: 'Ilse Marenko',
      title: 'Foreign Minister',
    });
    expect(found('President Tomas Halvik arrived.')[0]).toMatchObject({ text: 'Tomas Halvik', type: 'person' });
  });

  it('marks a possessive, with a straight or a curly apostrophe', () => {
    expect(found("Ruritania's envoy left.")[0]).toMatchObject({ text: 'Ruritania', possessive: true });
    expect(found('Ruritania’s envoy left.')[0]).toMatchObject({ text: 'Ruritania', possessive: true });
  });

  it('finds people the gazetteer does not know by a cue, and a surname after an honorific', () => {
    expect(found('Karel Brandt, a senior fellow, said the talks had stalled.')[0]).toMatchObject({
      text: 'Karel Brandt',
      type: 'person',
    });
    expect(found('Mr. Halvik declined to comment.')[0]).toMatchObject({ text: 'Halvik', type: 'surname', title: 'Mr' });
  });

  it('finds an organisation the gazetteer does not know by its head word', () => {
    expect(found('Analysts at the Vistula Policy Institute disagreed.')).toContainEqual(
      expect.objectContaining({ text: 'Vistula Policy Institute', type: 'institution' }),
    );
  });

  it('does not take a capitalised word that opens a sentence for a name', () => {
    expect(found('Meanwhile the talks went on.')).toEqual([]);
    expect(found('However, nothing was agreed.')).toEqual([]);
  });
});
