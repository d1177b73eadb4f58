/**
 * Import throughput on a larger corpus: the sample articles repeated with their people's names
 * substituted (so each copy brings new entities), imported into a fresh Kuzu database.
 * Prints words per second for extraction alone and for the whole import, with the rules alone and,
 * when CORENLP_URL names a running (warm) CoreNLP server, with its named-entity tags; and the peak
 * memory of this process and (CORENLP_PID given) of the CoreNLP server. Asserts nothing.
 * Run: npx tsx bench/import-throughput.ts [copies=100]
 *      CORENLP_URL=http://127.0.0.1:9000 CORENLP_PID=1234 npx tsx bench/import-throughput.ts 100
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/config.js';
import { buildGraph, loadGazetteer } from '../server/importer/build-graph.js';
import { importDocuments } from '../server/importer/import-documents.js';
import { CoreNlpClient } from '../server/importer/ner/corenlp-client.js';
import { tagDocuments } from '../server/importer/ner/tag-documents.js';
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
  let word = SYLLABLES[slot % SYLLABLES.length];
  for (let n = copy + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word[0].toUpperCase() + word.slice(1);
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

const corenlpUrl = process.env.CORENLP_URL;
if (corenlpUrl) {
  const tagger = new CoreNlpClient({ url: corenlpUrl });
  // One small document first, so that the figure is the warm server's.
  await tagger.tag('Warm-up sentence by Ana Perez in Vienna.');
  started = performance.now();
  const tagged = await tagDocuments(read.documents, { tagger, mode: 'corenlp' });
  const tagSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const nerBatch = buildGraph(tagged.documents, { gazetteer, ner: tagged.spans });
  const nerExtractSeconds = (performance.now() - started) / 1000;
  console.log(
    `corenlp tags ${tagSeconds.toFixed(2)} s, ${Math.round(words / tagSeconds)} words/s (warm server, ${tagged.documents.length} documents, 2 at a time)`,
  );
  console.log(
    `+ extraction ${nerExtractSeconds.toFixed(2)} s; tags + extraction ${Math.round(words / (tagSeconds + nerExtractSeconds))} words/s (${nerBatch.nodes.length} nodes)`,
  );
}
console.log(`peak memory  this process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
if (process.env.CORENLP_PID) {
  const status = readFileSync(`/proc/${process.env.CORENLP_PID}/status`, 'utf8');
  const peak = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  if (peak) console.log(`peak memory  CoreNLP server ${Math.round(Number(peak) / 1024)} MB`);
}

const store = await KuzuStore.open({ path: join(dir, 'graph.kuzu'), readOnly: false });
started = performance.now();
const report = await importDocuments(store, [dir]);
const importSeconds = (performance.now() - started) / 1000;
console.log(
  `import       ${importSeconds.toFixed(2)} s, ${Math.round(words / importSeconds)} words/s end to end into Kuzu (${report.documents.length} documents)`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
