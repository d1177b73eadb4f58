/**
 * Import throughput on a larger corpus: the sample articles repeated with their people's names
 * substituted (so each copy brings new entities), imported into a fresh Kuzu database.
 * Prints words per second for extraction alone and for the whole import. Asserts nothing.
 * Run: npx tsx bench/import-throughput.ts [copies=100]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/config.js';
import { buildGraph, loadGazetteer } from '../server/importer/build-graph.js';
import { importDocuments } from '../server/importer/import-documents.js';
import { readSources } from '../server/importer/read/index.js';
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';

const COPIES = Number(process.argv[2] ?? 100);
const SURNAMES = [
  'Aliyev',
  'Biden',
  'Blinken',
  'Pashinyan',
  'Trump',
  'Baer',
  'Stronski',
  'Pompeo',
  'Shaw',
  'Mehdiyev',
  'Jalilov',
];
const FIRST = ['Ilham', 'Joe', 'Anthony', 'Nikol', 'Donald', 'Daniel', 'Paul', 'Michael', 'Scott', 'Mushvig', 'Orkhan'];
const SYLLABLES = ['ka', 'ro', 'mi', 'ten', 'sal', 'vor', 'de', 'lin', 'ga', 'tus', 'be', 'nor'];

/** A name no gazetteer knows, different for every copy: syllables spelling out the numbers. */
function invented(copy: number, slot: number): string {
  let word = SYLLABLES[slot % SYLLABLES.length]!;
  for (let n = copy + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word[0]!.toUpperCase() + word.slice(1);
}

const dir = mkdtempSync(join(tmpdir(), 'actorgraph-throughput-'));
const articles = join(REPO_ROOT, 'data', 'articles');
const sources = readdirSync(articles).map((name) => readFileSync(join(articles, name), 'utf8'));
let words = 0;
for (let copy = 0; copy < COPIES; copy++) {
  sources.forEach((source, index) => {
    let text = source;
    SURNAMES.forEach((surname, i) => (text = text.replaceAll(surname, invented(copy, i))));
    FIRST.forEach((first, i) => (text = text.replaceAll(`${first} `, `${invented(copy, i + 5)} `)));
    text = text.replace(/^title: (.*)$/m, `title: $1 (copy ${copy})`);
    words += text.split(/\s+/).length;
    writeFileSync(join(dir, `article-${copy}-${index}.txt`), text);
  });
}
console.log(`corpus       ${COPIES * sources.length} articles, ${words} words`);

const read = await readSources([dir]);
const gazetteer = await loadGazetteer();
let started = performance.now();
const batch = buildGraph(read.documents, { gazetteer });
const extractSeconds = (performance.now() - started) / 1000;
console.log(
  `extraction   ${extractSeconds.toFixed(2)} s, ${Math.round(words / extractSeconds)} words/s (${batch.nodes.length} nodes, ${batch.edges.length} relationships)`,
);

const store = await KuzuStore.open({ path: join(dir, 'graph.kuzu'), readOnly: false });
started = performance.now();
const report = await importDocuments(store, [dir]);
const importSeconds = (performance.now() - started) / 1000;
console.log(
  `import       ${importSeconds.toFixed(2)} s, ${Math.round(words / importSeconds)} words/s end to end into Kuzu (${report.documents.length} documents)`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
