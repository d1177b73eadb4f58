/**
 * A larger corpus from the sample articles: each copy with its people's names substituted by
 * invented ones, so that every copy brings new entities (the way bench/import-throughput.ts
 * builds its corpus). Used by bench/extraction-compare.ts and bench/corenlp-concurrency.ts.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/config.js';

const SURNAMES = ['Aliyev', 'Biden', 'Blinken', 'Pashinyan', 'Trump', 'Baer', 'Stronski', 'Pompeo', 'Shaw'];
const FIRST = ['Ilham', 'Joe', 'Anthony', 'Nikol', 'Donald', 'Daniel', 'Paul', 'Michael', 'Scott'];
const SYLLABLES = ['ka', 'ro', 'mi', 'ten', 'sal', 'vor', 'de', 'lin', 'ga', 'tus', 'be', 'nor'];

/** A name no gazetteer knows, different for every copy: syllables spelling out the numbers. */
function invented(copy: number, slot: number): string {
  let word = SYLLABLES[slot % SYLLABLES.length];
  for (let n = copy + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word[0].toUpperCase() + word.slice(1);
}

/** Writes the sample articles `copies` times into `dir`, each copy with other people's names. */
export function writeSubstitutedCorpus(dir: string, copies: number): void {
  const articles = join(REPO_ROOT, 'data', 'articles');
  const sources = readdirSync(articles)
    .sort()
    .map((name) => readFileSync(join(articles, name), 'utf8'));
  for (let copy = 0; copy < copies; copy++) {
    sources.forEach((source, index) => {
      let text = source;
      SURNAMES.forEach((surname, i) => (text = text.replaceAll(surname, invented(copy, i))));
      FIRST.forEach((first, i) => (text = text.replaceAll(`${first} `, `${invented(copy, i + 5)} `)));
      text = text.replace(/^title: (.*)$/m, `title: $1 (copy ${copy})`);
      writeFileSync(join(dir, `article-${copy}-${index}.txt`), text);
    });
  }
}

/** Words as the benchmarks count them (runs of non-space). */
export function wordCount(texts: Array<{ text: string }>): number {
  return texts.reduce((sum, document) => sum + document.text.split(/\s+/).length, 0);
}
