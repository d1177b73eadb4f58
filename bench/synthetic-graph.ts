/**
 * A synthetic actorgraph graph of any size for benchmarks: Documents, Actors, Institutions,
 * Statements and Places with the properties server/domain/schema.ts declares, and relationships
 * whose endpoints respect REL_ENDPOINTS. Degrees are heavy-tailed (preferential attachment: a few
 * actors speak, meet and get mentioned a lot, most only once or twice), and the random numbers are
 * seeded, so the same parameters always give the same graph.
 */
import {
  encodeEvidence,
  INTERACTION_TYPES,
  type GraphBatch,
  type GraphEdge,
  type GraphNode,
  type NodeLabel,
  type Properties,
  type RelType,
} from '../server/domain/graph.js';
import { NODE_PROPS, REL_ENDPOINTS, REL_PROPS } from '../server/domain/schema.js';
import { searchTextOf } from '../server/domain/search-text.js';

export interface SyntheticGraphOptions {
  /** Total nodes (default 20,000). */
  nodes?: number;
  /** Total relationships (default 50,000). */
  edges?: number;
  /** Seed of the random numbers (default 1). */
  seed?: number;
  /**
   * Chance that an endpoint is chosen in proportion to its degree so far rather than uniformly
   * (default 0.8): the higher, the heavier the tail of the degree distribution.
   */
  preferential?: number;
}

/** Share of the nodes per label. */
const LABEL_SHARE: Array<[NodeLabel, number]> = [
  ['Statement', 0.3],
  ['Actor', 0.35],
  ['Institution', 0.15],
  ['Document', 0.1],
  ['Place', 0.1],
];

/** Relative frequency of the relationship types drawn after each statement has its SAID and REPORTED_IN. */
const TYPE_WEIGHT: Array<[RelType, number]> = [
  ['MENTIONED_IN', 34],
  ['ABOUT', 20],
  ['HOLDS_ROLE', 4],
  ['MEMBER_OF', 4],
  ['AFFILIATED_WITH', 3],
  ['LEADS', 1],
  ['WROTE', 3],
  ...INTERACTION_TYPES.map((type): [RelType, number] => [type, type === 'MET' || type === 'CONTACTED' ? 7 : 3]),
];

const FIRST = [
  'Amina',
  'Boris',
  'Chen',
  'Dilnoza',
  'Emre',
  'Farid',
  'Giorgi',
  'Hana',
  'Ilham',
  'Jalil',
  'Katerina',
  'Leyla',
  'Mikhail',
  'Nino',
  'Orkhan',
  'Petra',
  'Rustam',
  'Samira',
  'Tomasz',
  'Ulla',
  'Vugar',
  'Yelena',
  'Zaur',
];
const SURNAME = [
  'Aliyeva',
  'Baer',
  'Castellano',
  'Demirci',
  'Eriksen',
  'Faizullin',
  'Gurbanov',
  'Haddad',
  'Ivanova',
  'Jafarov',
  'Kowalski',
  'Lindqvist',
  'Mammadov',
  'Novak',
  'Okonkwo',
  "O'Brien",
  'Petrosyan',
  'Qasimov',
  'Rahimi',
  'Stronski',
  'Tairov',
  'Usmanov',
  'Vardanyan',
  'Weber',
  'Yusupov',
];
const SYLLABLE = [
  'ka',
  'ro',
  'mi',
  'ten',
  'sal',
  'vor',
  'de',
  'lin',
  'ga',
  'tus',
  'be',
  'nor',
  'sha',
  'ul',
  'ar',
  'zan',
];
const INSTITUTION_FORM: Array<[string, string]> = [
  ['Ministry of Foreign Affairs of {}', 'government'],
  ['{} Institute for Strategic Studies', 'think_tank'],
  ['{} Security Council', 'intergovernmental'],
  ['{} Armed Forces', 'military'],
  ['{} Daily', 'media'],
  ['{} Energy Company', 'other'],
  ['Parliament of {}', 'government'],
];
const TOPIC = [
  'the pipeline',
  'the ceasefire',
  'sanctions',
  'the border talks',
  'grain exports',
  'the peace treaty',
  'gas prices',
  'the transit corridor',
  'the elections',
  'the refugees',
];
const VERB = ['said', 'warned', 'insisted', 'told reporters', 'argued', 'added'];
const PUBLISHER = [
  'Eurasia Wire',
  'The Caspian Post',
  'Balkan Insight',
  'Steppe Review',
  'Harbour Herald',
  'Northern Ledger',
];

/** mulberry32: small, fast, good enough for benchmarks, and seeded. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic graph: exactly `nodes` nodes and `edges` relationships (if that many distinct ones fit). */
export function syntheticGraph(options: SyntheticGraphOptions = {}): GraphBatch {
  const nodeCount = options.nodes ?? 20_000;
  const edgeCount = options.edges ?? 50_000;
  const preferential = options.preferential ?? 0.8;
  const rand = random(options.seed ?? 1);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];

  /** A made-up word from the syllables spelling out `n` (distinct for distinct n). */
  const word = (n: number) => {
    let out = '';
    for (let k = n + 1; k > 0; k = Math.floor(k / SYLLABLE.length)) out += SYLLABLE[k % SYLLABLE.length];
    return out[0].toUpperCase() + out.slice(1);
  };
  const dateOf = (n: number) =>
    `20${String(18 + (n % 7)).padStart(2, '0')}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;

  const nodes: GraphNode[] = [];
  const byLabel = new Map<NodeLabel, GraphNode[]>(LABEL_SHARE.map(([label]) => [label, []]));
  const labels = LABEL_SHARE.map(([label]) => label);
  let assigned = 0;
  LABEL_SHARE.forEach(([label, share], index) => {
    const count = index === LABEL_SHARE.length - 1 ? nodeCount - assigned : Math.max(1, Math.round(nodeCount * share));
    for (let i = 0; i < count && assigned < nodeCount; i++, assigned++) {
      const node = makeNode(label, i);
      nodes.push(node);
      byLabel.get(label)!.push(node);
    }
  });

  function entity(label: NodeLabel, id: string, name: string, kind: string, aliases: string[]): GraphNode {
    const sentence = `${name} was mentioned in connection with ${pick(TOPIC)}.`;
    return {
      id,
      label,
      properties: {
        name,
        kind,
        aliases,
        description:
          rand() < 0.2
            ? `${name}, ${kind === 'person' ? 'an official' : 'an organisation'} in ${word(int(500))}`
            : null,
        searchText: searchTextOf(name, aliases),
        rule: 'synthetic',
        confidence: Math.round((0.5 + rand() / 2) * 100) / 100,
        evidence: encodeEvidence([{ documentId: `doc:s${int(1000)}`, sentence, start: 0, end: sentence.length }]),
      },
    };
  }

  function makeNode(label: NodeLabel, i: number): GraphNode {
    switch (label) {
      case 'Actor': {
        if (i % 10 === 9) return entity(label, `actor:s${i}`, `Republic of ${word(i)}`, 'state', [word(i)]);
        const first = FIRST[i % FIRST.length];
        const last = `${SURNAME[Math.floor(i / FIRST.length) % SURNAME.length]}${i >= FIRST.length * SURNAME.length ? `-${word(i)}` : ''}`;
        return entity(label, `actor:s${i}`, `${first} ${last}`, 'person', [last, `Mr. ${last}`]);
      }
      case 'Institution': {
        const [form, kind] = INSTITUTION_FORM[i % INSTITUTION_FORM.length];
        const name = form.replace('{}', word(i));
        return entity(label, `inst:s${i}`, name, kind, [
          name
            .split(' ')
            .map((w) => w[0])
            .join(''),
        ]);
      }
      case 'Place':
        return entity(label, `place:s${i}`, `${word(i + 7)}${i % 3 === 0 ? 'abad' : ''}`, 'place', []);
      case 'Statement': {
        const text = `“The talks on ${pick(TOPIC)} will ${rand() < 0.5 ? 'continue' : 'not resume'} until ${word(i)} agrees,” ${pick(VERB)} the official`;
        return {
          id: `stmt:s${i}`,
          label,
          properties: {
            text,
            kind: rand() < 0.6 ? 'quote' : 'reported',
            date: dateOf(i),
            dateSource: rand() < 0.3 ? 'text' : 'published',
            speaker: `${pick(FIRST)} ${pick(SURNAME)}`,
            rule: 'synthetic',
            confidence: Math.round((0.6 + rand() * 0.4) * 100) / 100,
          },
        };
      }
      case 'Document': {
        const sentences: string[] = [];
        const length = 8 + int(25);
        for (let s = 0; s < length; s++) {
          sentences.push(
            `${pick(FIRST)} ${pick(SURNAME)} ${pick(VERB)} that ${pick(TOPIC)} would shape relations with ${word(int(2000))}, according to officials.`,
          );
        }
        const text = sentences.join(' ');
        return {
          id: `doc:s${i}`,
          label,
          properties: {
            title: `${word(i)}: a new dispute over ${pick(TOPIC)}`,
            url: `https://news.example/${i}`,
            publisher: pick(PUBLISHER),
            authors: [`${pick(FIRST)} ${pick(SURNAME)}`],
            published: dateOf(i),
            text,
            wordCount: text.split(' ').length,
            contentHash: `synthetic-${i.toString(16)}`,
            source: `synthetic-${i}.txt`,
          },
        };
      }
    }
  }

  // Growth with preferential attachment: nodes join the graph in order as the relationships are
  // drawn (a statement when it gets its speaker), and an endpoint is mostly drawn from an "urn" that
  // holds each joined node once plus once per relationship end it has, i.e. in proportion to
  // 1 + degree; early nodes become hubs. The rest of the draws are uniform among joined nodes.
  const urn = new Map<NodeLabel, GraphNode[]>(labels.map((label) => [label, []]));
  const joined = new Map<NodeLabel, number>(labels.map((label) => [label, 0]));
  const join = (label: NodeLabel, upTo: number) => {
    const all = byLabel.get(label)!;
    for (let i = joined.get(label)!; i < Math.min(upTo, all.length); i++) urn.get(label)!.push(all[i]);
    joined.set(label, Math.max(joined.get(label)!, Math.min(upTo, all.length)));
  };
  const endpoint = (label: NodeLabel): GraphNode | undefined => {
    if (label !== 'Statement') {
      join(label, Math.max(1, Math.ceil((byLabel.get(label)!.length * (edges.length + 1)) / edgeCount)));
    }
    const count = joined.get(label)!;
    if (count === 0) return undefined;
    return rand() < preferential ? pick(urn.get(label)!) : byLabel.get(label)![int(count)];
  };

  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const add = (type: RelType, source: GraphNode, target: GraphNode): boolean => {
    const key = `${type}|${source.id}|${target.id}`;
    if (source === target || seen.has(key) || edges.length >= edgeCount) return false;
    seen.add(key);
    urn.get(source.label)!.push(source);
    urn.get(target.label)!.push(target);
    edges.push(makeEdge(type, source, target, edges.length));
    return true;
  };

  function makeEdge(type: RelType, source: GraphNode, target: GraphNode, n: number): GraphEdge {
    const documentId =
      target.label === 'Document' ? target.id : `doc:s${n % Math.max(1, byLabel.get('Document')!.length)}`;
    const sentence = `${String(source.properties.name ?? 'The official')} and ${String(target.properties.name ?? target.properties.title ?? 'others')} were named, in a report on ${pick(TOPIC)}.`;
    const properties: Properties = {
      rule: 'synthetic',
      confidence: Math.round((0.5 + rand() / 2) * 100) / 100,
      evidence: encodeEvidence([{ documentId, sentence, start: 0, end: sentence.length }]),
      date: rand() < 0.7 ? dateOf(n) : null,
    };
    const extra: Record<string, Properties> = {
      REPORTED_IN: { sentence, startOffset: 0, endOffset: sentence.length },
      MENTIONED_IN: { mentions: 1 + int(5), spans: JSON.stringify([[0, 12]]) },
      HOLDS_ROLE: { title: pick(['minister', 'ambassador', 'spokesperson', 'director']), status: 'current' },
      MEMBER_OF: { role: pick(['member', 'chair', 'observer']) },
      AFFILIATED_WITH: { title: pick(['fellow', 'adviser', 'analyst']) },
      LEADS: { title: pick(['president', 'director', 'chief']) },
    };
    Object.assign(properties, extra[type] ?? {});
    for (const key of Object.keys(properties)) if (!(key in REL_PROPS[type])) delete properties[key];
    return {
      id: `${type}:s${n}`,
      type,
      source: source.id,
      target: target.id,
      sourceLabel: source.label,
      targetLabel: target.label,
      properties,
    };
  }

  // Every statement has a speaker and an article, as the importer's do; statements are spread
  // over the run. The other relationships: types by weight, endpoint labels among those allowed.
  const statements = byLabel.get('Statement')!;
  const totalWeight = TYPE_WEIGHT.reduce((sum, [, weight]) => sum + weight, 0);
  const drawType = (): RelType => {
    let r = rand() * totalWeight;
    for (const [type, weight] of TYPE_WEIGHT) if ((r -= weight) < 0) return type;
    return TYPE_WEIGHT[0][0];
  };
  let misses = 0;
  while (edges.length < edgeCount && misses < edgeCount * 10) {
    const statementsLeft = statements.length - joined.get('Statement')!;
    if (statementsLeft > 0 && rand() < (2 * statementsLeft) / (edgeCount - edges.length)) {
      const statement = statements[joined.get('Statement')!];
      join('Statement', joined.get('Statement')! + 1);
      const speaker = endpoint(rand() < 0.8 ? 'Actor' : 'Institution');
      if (speaker) add('SAID', speaker, statement);
      const document = endpoint('Document');
      if (document) add('REPORTED_IN', statement, document);
      continue;
    }
    const type = drawType();
    const [from, to] = pick(REL_ENDPOINTS[type]);
    const source = endpoint(from);
    const target = endpoint(to);
    if (!source || !target || !add(type, source, target)) misses++;
  }

  checkSchema(nodes, edges);
  return { nodes, edges };
}

/** The generator must never produce what the stores would reject. */
function checkSchema(nodes: GraphNode[], edges: GraphEdge[]): void {
  for (const node of nodes.slice(0, 50)) {
    for (const key of Object.keys(node.properties)) {
      if (!(key in NODE_PROPS[node.label])) throw new Error(`${node.label} has no property ${key}`);
    }
  }
  for (const edge of edges) {
    if (!REL_ENDPOINTS[edge.type].some(([from, to]) => from === edge.sourceLabel && to === edge.targetLabel)) {
      throw new Error(`${edge.type} cannot go from ${edge.sourceLabel} to ${edge.targetLabel}`);
    }
  }
}

/** Degree figures of a batch, to print next to benchmark results. */
export function degreeSummary(batch: GraphBatch): { max: number; median: number; p99: number; mean: number } {
  const degree = new Map<string, number>(batch.nodes.map((node) => [node.id, 0]));
  for (const edge of batch.edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const sorted = [...degree.values()].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return {
    max: sorted[sorted.length - 1] ?? 0,
    median: at(0.5),
    p99: at(0.99),
    mean: sorted.length ? (2 * batch.edges.length) / sorted.length : 0,
  };
}
