/** Stage: entity resolution across documents (resolve/entities.ts): surnames, aliases, display names, bylines. */
import { describe, expect, it } from 'vitest';
import { findMentions, type Mention } from '../../../../server/importer/extract/mentions.js';
import { resolveEntities } from '../../../../server/importer/resolve/entities.js';
import { GAZETTEER } from './stage-input.js';

/** Each text's mentions as "written form -> entity name", and every entity's id. */
function resolve(texts: string[], authors: string[][] = texts.map(() => [])) {
  const corpus = resolveEntities(
    texts.map((text, index) => ({ mentions: findMentions(text, GAZETTEER), authors: authors[index] })),
    GAZETTEER,
  );
  const nameOf = (key: string) => corpus.entities.get(key)!.name;
  return {
    mentions: corpus.mentions.map((list) => list.map((m) => `${m.text} -> ${nameOf(m.entityKey)}`)),
    ids: [...corpus.entities.values()].map((entity) => entity.id).sort(),
    entities: corpus.entities,
  };
}

describe('resolution stage', () => {
  it('resolves a surname to the full name written earlier in the same document', () => {
    const { mentions } = resolve(['Tomas Halvik, the Bordurian president, arrived. Halvik said little.']);
    expect(mentions[0]).toContain('Halvik -> Tomas Halvik');
  });

  it('resolves a surname to a full name written in another document of the corpus', () => {
    const { mentions } = resolve(['Anna Weiss, an analyst, spoke first.', 'Weiss said the plan would fail.']);
    expect(mentions[1]).toEqual(['Weiss -> Anna Weiss']);
  });

  it('keeps a surname two people share unresolved rather than guessing', () => {
    const { mentions } = resolve(['Anna Weiss, an analyst, and Peter Weiss, a diplomat, spoke. Weiss left early.']);
    expect(mentions[0].filter((m) => m.startsWith('Weiss ->'))).toEqual([]);
  });

  it('makes a person known by "Mr." and a surname only', () => {
    const { ids } = resolve(['Mr. Halvik declined to comment.']);
    expect(ids).toEqual(['actor:halvik']);
  });

  it('joins a gazetteer alias, adjective and capital to their entry', () => {
    const { mentions, ids } = resolve([
      'The DC met. Bordurian officials and the Republic of Borduria agreed; Szohod said so.',
    ]);
    expect(mentions[0]).toEqual([
      'DC -> Danube Council',
      'Bordurian -> Borduria',
      'Republic of Borduria -> Borduria',
      'Szohod -> Borduria',
    ]);
    expect(ids).toEqual(['actor:borduria', 'inst:danube-council']);
  });

  it('names a person by the fullest form the articles write', () => {
    const { entities } = resolve(['Halvik spoke.', 'President Tomas Halvik spoke.', 'Mr. Halvik spoke again.']);
    const halvik = [...entities.values()].find((entity) => entity.name.endsWith('Halvik'))!;
    expect(halvik.name).toBe('Tomas Halvik');
    expect(halvik.forms).toEqual(expect.arrayContaining(['Tomas Halvik', 'Halvik', 'Mr. Halvik']));
  });

  it('drops a person found only by the shape of a name, unless something else confirms it', () => {
    expect(resolve(['The Helsinki Final rules were cited.']).ids).toEqual([]);
  });

  it('keeps apart two people whose names are written in another script (the tagger finds them)', () => {
    const person = (text: string, start: number): Mention => ({
      start,
      end: start + text.length,
      text,
      type: 'person',
      possessive: false,
      rule: 'ner:person',
      confidence: 0.8,
      ner: 'person',
    });
    const corpus = resolveEntities(
      [{ mentions: [person('Иван Петров', 0), person('Сергей Лавров', 20)], authors: [] }],
      GAZETTEER,
    );
    expect([...corpus.entities.values()].map((entity) => [entity.id, entity.name])).toEqual([
      ['actor:иван-петров', 'Иван Петров'],
      ['actor:сергей-лавров', 'Сергей Лавров'],
    ]);
  });

  it('makes a byline name a person, with the same id as the name in the text', () => {
    const { ids } = resolve(['Nothing else here.'], [['José Ortega']]);
    expect(ids).toEqual(['actor:jose-ortega']);
  });
});
