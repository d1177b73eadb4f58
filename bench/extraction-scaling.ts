/**
 * How extraction time grows with the size of one article: synthetic articles of growing size in
 * two shapes, each run through the rules extraction (buildGraph without a tagger, as with
 * ACTORGRAPH_NER=rules):
 *  - realistic: paragraphs of invented news prose with names, quotes, "said", roles and relations;
 *  - hostile: one line of capitalised names and words without a full stop, comma or line break.
 * Prints milliseconds and words per second per size, and the time ratio to the previous size next
 * to the size ratio, so that growth faster than linear shows. Asserts nothing.
 * A size is skipped once the previous one of its shape took longer than the time limit.
 * Run: npx tsx bench/extraction-scaling.ts [sizes in KB=50,200,800,5000] [limit in s=60] [shapes=realistic,hostile]
 */
import { buildGraph, loadGazetteer } from '../server/importer/build-graph.js';
import type { SourceDocument } from '../server/importer/read/types.js';

const SIZES_KB = (process.argv[2] ?? '50,200,800,5000').split(',').map(Number);
const LIMIT_SECONDS = Number(process.argv[3] ?? 60);
const SHAPES = (process.argv[4] ?? 'realistic,hostile').split(',');

const FIRST = ['Marta', 'Oskar', 'Lena', 'Tomas', 'Irena', 'Pavel', 'Sofia', 'Bruno', 'Nadia', 'Viktor'];
const LAST = ['Kovar', 'Lindqvist', 'Mendes', 'Halloran', 'Petrescu', 'Okafor', 'Varga', 'Straub', 'Ferreira'];
const STATES = ['Austria', 'Portugal', 'Norway', 'Chile', 'Kenya', 'Poland', 'Canada', 'Japan'];
const ADJECTIVES = ['Austrian', 'Portuguese', 'Norwegian', 'Chilean', 'Kenyan', 'Polish', 'Canadian', 'Japanese'];
const BODIES = ['the United Nations', 'NATO', 'the European Union', 'the World Bank', 'the OSCE'];
const TITLES = ['Foreign Minister', 'President', 'Prime Minister', 'Defence Minister', 'Ambassador'];

function person(i: number): string {
  return `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + 3) % LAST.length]}`;
}
function pick<T>(list: T[], i: number): T {
  return list[i % list.length];
}

/** One paragraph of invented news prose; `i` varies the names, states and sentence forms. */
function paragraph(i: number): string {
  const a = person(i);
  const b = person(i + 4);
  const state = pick(STATES, i);
  const other = pick(STATES, i + 3);
  const adjective = pick(ADJECTIVES, i + 1);
  const body = pick(BODIES, i);
  const title = pick(TITLES, i);
  const surnameA = a.split(' ')[1];
  const sentences = [
    `${title} ${a} of ${state} met ${adjective} counterpart ${b} in the capital on Tuesday, officials said.`,
    `“We will not accept any delay in the talks,” ${surnameA} said after the meeting.`,
    `${b}, a senior fellow at ${body}, told reporters that ${other} must honour the agreement.`,
    `In a phone call with ${b}, ${a} urged ${other} to return to the negotiating table.`,
    `${state} has been a founding member of ${body} since its creation.`,
    `The ${adjective} ${title.toLowerCase()} criticized ${other} for what he called a reckless decision.`,
    `${other} rejected the proposal, according to a statement read on state television.`,
    `“This is a matter for all of us,” said ${b}, who also warned of sanctions on ${state}.`,
  ];
  // Rotate the sentence order so that not every paragraph has the same shape.
  const shift = i % sentences.length;
  return [...sentences.slice(shift), ...sentences.slice(0, shift)].join(' ');
}

function realistic(bytes: number): string {
  const paragraphs = ['Ministers meet as talks resume'];
  let length = paragraphs[0].length;
  for (let i = 0; length < bytes; i++) {
    const next = paragraph(i);
    paragraphs.push(next);
    length += next.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** One line, no sentence break: capitalised names, titles and verbs the rules look for. */
function hostile(bytes: number): string {
  const words: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const piece = `${pick(TITLES, i)} ${person(i)} of ${pick(STATES, i)} met ${person(i + 1)} and said`;
    words.push(piece);
    length += piece.length + 1;
  }
  return words.join(' ');
}

function documentOf(text: string, name: string): SourceDocument {
  return {
    path: `/bench/${name}.txt`,
    fileName: `${name}.txt`,
    format: 'txt',
    title: name,
    text,
    published: '2024-05-14',
    authors: [],
    url: null,
    publisher: null,
  };
}

const gazetteer = await loadGazetteer();
// A small article first, so that the figures are those of compiled code.
buildGraph([documentOf(realistic(20_000), 'warm-up')], { gazetteer });
console.log('shape       size KB      words          ms      words/s   size ×   time ×');
for (const [shape, build] of [
  ['realistic', realistic],
  ['hostile', hostile],
] as const) {
  if (!SHAPES.includes(shape)) continue;
  let previous: { kb: number; ms: number } | undefined;
  for (const kb of SIZES_KB) {
    if (previous && previous.ms / 1000 > LIMIT_SECONDS) {
      console.log(
        `${shape.padEnd(10)} ${String(kb).padStart(8)}   skipped: ${previous.kb} KB took over ${LIMIT_SECONDS} s`,
      );
      continue;
    }
    const text = build(kb * 1000);
    const words = text.split(/\s+/).length;
    const started = performance.now();
    const batch = buildGraph([documentOf(text, `${shape}-${kb}`)], { gazetteer });
    const ms = performance.now() - started;
    const sizeRatio = previous ? (kb / previous.kb).toFixed(1) : '';
    const timeRatio = previous ? (ms / previous.ms).toFixed(1) : '';
    console.log(
      `${shape.padEnd(10)} ${String(kb).padStart(8)} ${String(words).padStart(10)} ${ms.toFixed(0).padStart(11)} ${String(Math.round(words / (ms / 1000))).padStart(12)} ${sizeRatio.padStart(8)} ${timeRatio.padStart(8)}   (${batch.nodes.length} nodes, ${batch.edges.length} edges)`,
    );
    previous = { kb, ms };
  }
}
