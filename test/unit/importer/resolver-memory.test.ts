/**
 * The corpus-wide entity table lives for the whole import, so what it keeps must not keep the
 * articles alive: V8 keeps a substring of 13 characters or more as a slice of its whole parent
 * string, so a name cut from an article and kept as is holds the article's text.
 */
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../server/importer/extract/mention-basics.js';
import { emptyGazetteer } from '../../../server/importer/gazetteer.js';
import { CorpusResolver } from '../../../server/importer/resolve/entities.js';
import { heapUsed } from '../../helpers/live-heap.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A surname of 16 letters or more, different for every n. */
function surname(n: number): string {
  let word = 'Vandermolen';
  for (let m = n + 1; m > 0; m = Math.floor(m / 26)) word += LETTERS[m % 26];
  return word + 'ov';
}

/** A mention of `text` where it first occurs after `from`, cut from `article` as the rules do. */
function mentionOf(article: string, text: string, type: Mention['type'], from = 0): Mention {
  const start = article.indexOf(text, from);
  return {
    start,
    end: start + text.length,
    text: article.slice(start, start + text.length),
    type,
    possessive: false,
    rule: type === 'surname' ? 'surname' : 'person:cue',
    confidence: 0.9,
    ...(type === 'surname' ? { title: article.slice(start - 'Foreign Minister '.length, start - 1) } : {}),
  };
}

/** An article of about `bytes` characters naming one person, in full and by surname, given to the resolver. */
function addArticle(resolver: CorpusResolver, n: number, bytes: number): void {
  const name = `Marta ${surname(n)}`;
  // One flat string per article (a slice of a concatenation is cut from its flattened copy).
  const filler = `${'The harbour talks went on. '.repeat(bytes / 27)}${n}`;
  const article = `${name}, the port authority chief, spoke. ${filler} Foreign Minister ${surname(n)} left.`;
  resolver.addDocument(
    [mentionOf(article, name, 'person'), mentionOf(article, surname(n), 'surname', name.length + 10)],
    [],
  );
}

describe('the corpus-wide entity table', () => {
  it('keeps no article text alive through the names it keeps', () => {
    const articles = 60;
    const articleBytes = 400_000;
    const before = heapUsed();
    const resolver = new CorpusResolver(emptyGazetteer());
    for (let n = 0; n < articles; n++) addArticle(resolver, n, articleBytes);
    const scanned = heapUsed() - before;
    resolver.finish();
    const finished = heapUsed() - before;
    expect(resolver.entities.size).toBe(articles);
    // One article held would be 400 KB (two bytes a character: 800 KB); sixty, 24 MB or more.
    expect(scanned).toBeLessThan(articleBytes);
    expect(finished).toBeLessThan(articleBytes);
  });

  it('holds each entity in under 700 bytes once resolved', () => {
    const documents = 2_000;
    const perDocument = 5;
    const before = heapUsed();
    const resolver = new CorpusResolver(emptyGazetteer());
    for (let doc = 0; doc < documents; doc++) {
      // Five people an article, each named in full and by title and name ("Dr. Marta ..."), as
      // the bench corpus brings new people with every article.
      const names = Array.from({ length: perDocument }, (_, i) => `Marta ${surname(doc * perDocument + i)}`);
      const article = names.map((name) => `${name} spoke. Dr. ${name} left.`).join(' ');
      const mentions = names.flatMap((name) => {
        const full = mentionOf(article, name, 'person');
        const titled = { ...mentionOf(article, name, 'person', full.end), title: 'Dr' };
        return [full, titled];
      });
      resolver.addDocument(mentions, []);
    }
    resolver.finish();
    const perEntity = (heapUsed() - before) / resolver.entities.size;
    expect(resolver.entities.size).toBe(documents * perDocument);
    // The table lives for the whole import and grows with the corpus: an object of one hidden
    // class, its flat strings and an array of its forms (before: a hidden class of its own and two
    // Maps of counts: 1,089 bytes an entity here, 545 now).
    expect(perEntity).toBeLessThan(700);
  });
});
