/**
 * Scores an extracted graph against gold annotations, per document and category: precision,
 * recall and F1, with the misses and false finds. Lenient on spelling variants of one name and on
 * quote punctuation; strict on who said what.
 */
import { decodeEvidence, type GraphBatch, type GraphEdge, type GraphNode } from '../domain/graph.js';
import { statementKey } from '../importer/resolve/statements.js';
import { uncertainNotes, type Gold } from './gold.js';

export const CATEGORIES = ['people', 'states', 'institutions', 'statements', 'roles', 'relations'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CategoryScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  misses: string[];
  falseFinds: string[];
  /** Finds the gold lists as uncertain: neither right nor wrong. */
  uncertain: string[];
}

export interface DocumentScore {
  document: string;
  categories: Record<Category, CategoryScore>;
}

export function f1(score: Pick<CategoryScore, 'truePositives' | 'falsePositives' | 'falseNegatives'>): {
  precision: number;
  recall: number;
  f1: number;
} {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = score;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function plain(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** One name matches another: equal after normalising, a small spelling variant, or a listed form. */
function sameName(goldForms: string[], found: string[]): boolean {
  const a = goldForms.map(plain).filter(Boolean);
  const b = found.map(plain).filter(Boolean);
  return a.some((x) => b.some((y) => x === y || (x.length > 6 && editDistance(x, y) <= 2)));
}

function findsOf(nodes: GraphNode[]): Array<{ node: GraphNode; forms: string[] }> {
  return nodes.map((node) => ({
    node,
    forms: [String(node.properties.name ?? ''), ...((node.properties.aliases as string[] | null) ?? [])],
  }));
}

function emptyScore(): CategoryScore {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, misses: [], falseFinds: [], uncertain: [] };
}

/** Greedy one-to-one matching of gold items to found items; unmatched finds a note covers are not counted. */
function matchAll<G, F>(
  gold: G[],
  found: F[],
  same: (g: G, f: F) => boolean,
  showGold: (g: G) => string,
  showFound: (f: F) => string,
  isUncertain: (f: F) => boolean = () => false,
): CategoryScore {
  const score = emptyScore();
  const used = new Set<number>();
  for (const item of gold) {
    const index = found.findIndex((candidate, i) => !used.has(i) && same(item, candidate));
    if (index === -1) {
      score.falseNegatives += 1;
      score.misses.push(showGold(item));
    } else {
      used.add(index);
      score.truePositives += 1;
    }
  }
  found.forEach((candidate, i) => {
    if (used.has(i)) return;
    if (isUncertain(candidate)) {
      score.uncertain.push(showFound(candidate));
      return;
    }
    score.falsePositives += 1;
    score.falseFinds.push(showFound(candidate));
  });
  return score;
}

/** A note names an entity when it contains one of its forms (or, if `surnames`, a form's last word). */
function noteNames(note: string, forms: string[], surnames: boolean): boolean {
  const text = ` ${plain(note)} `;
  return forms.some((form) => {
    const name = plain(form);
    if (name.length >= 2 && text.includes(` ${name} `)) return true;
    const last = name.split(' ').pop() ?? '';
    return surnames && last.length >= 4 && text.includes(` ${last} `);
  });
}

/** Content words (four letters or more) a note shares with a statement's text. */
function sharedWords(note: string, statement: string): number {
  const words = new Set(
    plain(note)
      .split(' ')
      .filter((word) => word.length >= 4),
  );
  return new Set(
    plain(statement)
      .split(' ')
      .filter((word) => word.length >= 4 && words.has(word)),
  ).size;
}

function sameText(goldText: string, foundText: string): boolean {
  const a = statementKey(goldText);
  const b = statementKey(foundText);
  if (a === b || a.includes(b) || b.includes(a)) return true;
  const wa = new Set(a.split(' '));
  const wb = new Set(b.split(' '));
  const shared = [...wa].filter((word) => wb.has(word)).length;
  return shared / Math.min(wa.size, wb.size) >= 0.85;
}

const RELATION_TYPES = new Set([
  'CONTACTED',
  'MET',
  'CRITICIZED',
  'URGED',
  'WARNED',
  'SUPPORTS',
  'OPPOSES',
  'MEMBER_OF',
  'AFFILIATED_WITH',
  'LEADS',
]);

function relationType(edge: GraphEdge): string {
  return edge.type === 'MEMBER_OF' && edge.properties.role === 'co-chair' ? 'CO_CHAIRS' : edge.type;
}

function inDocument(edge: GraphEdge, documentId: string): boolean {
  return decodeEvidence(edge.properties.evidence).some((item) => item.documentId === documentId);
}

export function scoreDocument(gold: Gold, graph: GraphBatch): DocumentScore {
  const document = graph.nodes.find((node) => node.label === 'Document' && node.properties.source === gold.document);
  const categories = Object.fromEntries(CATEGORIES.map((category) => [category, emptyScore()])) as Record<
    Category,
    CategoryScore
  >;
  if (!document) {
    for (const category of CATEGORIES) categories[category].misses.push(`document ${gold.document} was not imported`);
    return { document: gold.document, categories };
  }
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  // A name in a statement or relation of the gold is matched with all the forms the gold lists for it.
  const goldEntities = [...gold.people, ...gold.states, ...gold.institutions];
  const goldForms = (name: string): string[] => {
    const entity = goldEntities.find((candidate) => candidate.name === name);
    return entity ? [entity.name, ...entity.mentions] : [name];
  };
  const incident = graph.edges.filter(
    (edge) => edge.target === document.id && (edge.type === 'MENTIONED_IN' || edge.type === 'WROTE'),
  );
  const present = [...new Set(incident.map((edge) => edge.source))].map((id) => byId.get(id)!).filter(Boolean);
  const people = findsOf(present.filter((node) => node.label === 'Actor' && node.properties.kind === 'person'));
  const states = findsOf(present.filter((node) => node.label === 'Actor' && node.properties.kind === 'state'));
  const institutions = findsOf(present.filter((node) => node.label === 'Institution'));
  const nameOf = (id: string) => String(byId.get(id)?.properties.name ?? id);
  const formsOf = (id: string) => {
    const node = byId.get(id);
    return node ? [String(node.properties.name ?? ''), ...((node.properties.aliases as string[] | null) ?? [])] : [id];
  };
  const named = (g: { name: string; mentions: string[] }, f: { forms: string[] }) =>
    sameName([g.name, ...g.mentions], f.forms);
  const show = (f: { node: GraphNode }) => String(f.node.properties.name);
  const notes = uncertainNotes(gold);
  const entityUncertain = (f: { forms: string[] }) => notes.some((note) => noteNames(note, f.forms, false));

  categories.people = matchAll(gold.people, people, named, (g) => g.name, show, entityUncertain);
  categories.states = matchAll(gold.states, states, named, (g) => g.name, show, entityUncertain);
  categories.institutions = matchAll(gold.institutions, institutions, named, (g) => g.name, show, entityUncertain);

  const speakerOf = new Map(
    graph.edges.filter((edge) => edge.type === 'SAID').map((edge) => [edge.target, edge.source]),
  );
  const statementIds = graph.edges
    .filter((edge) => edge.type === 'REPORTED_IN' && edge.target === document.id)
    .map((edge) => edge.source);
  const statements = statementIds.map((id) => ({
    text: String(byId.get(id)?.properties.text ?? ''),
    speaker: speakerOf.get(id) ?? null,
  }));
  categories.statements = matchAll(
    gold.statements,
    statements,
    (g, f) =>
      sameText(g.text, f.text) &&
      (g.speaker === null
        ? f.speaker === null
        : f.speaker !== null && sameName(goldForms(g.speaker), formsOf(f.speaker))),
    (g) => `${g.speaker ?? '?'}: ${g.text.slice(0, 70)}`,
    (f) => `${f.speaker ? nameOf(f.speaker) : '?'}: ${f.text.slice(0, 70)}`,
    (f) =>
      notes.some(
        (note) =>
          (f.speaker === null || noteNames(note, formsOf(f.speaker), true)) &&
          sharedWords(note, f.text) >=
            Math.min(
              3,
              plain(f.text)
                .split(' ')
                .filter((w) => w.length >= 4).length,
            ),
      ),
  );

  const goldRoles = gold.people.flatMap((person) =>
    person.roles.map((role) => ({ person: person.name, title: role.title, of: role.of })),
  );
  const foundRoles = [
    ...graph.edges
      .filter((edge) => edge.type === 'HOLDS_ROLE' && inDocument(edge, document.id))
      .map((edge) => ({
        person: edge.source,
        title: `${edge.properties.status === 'former' ? 'former ' : ''}${String(edge.properties.title ?? '')}`,
        of: edge.target,
      })),
    ...graph.edges
      .filter((edge) => edge.type === 'WROTE' && edge.target === document.id)
      .map((edge) => ({ person: edge.source, title: 'author', of: null as string | null })),
  ];
  categories.roles = matchAll(
    goldRoles,
    foundRoles,
    (g, f) =>
      sameName(goldForms(g.person), formsOf(f.person)) &&
      plain(g.title) === plain(f.title) &&
      (g.of === null ? f.of === null : f.of !== null && sameName(goldForms(g.of), formsOf(f.of))),
    (g) => `${g.person}: ${g.title}${g.of ? ` of ${g.of}` : ''}`,
    (f) => `${nameOf(f.person)}: ${f.title}${f.of ? ` of ${nameOf(f.of)}` : ''}`,
  );

  const foundRelations = graph.edges.filter((edge) => RELATION_TYPES.has(edge.type) && inDocument(edge, document.id));
  categories.relations = matchAll(
    gold.relations,
    foundRelations,
    (g, f) =>
      g.type === relationType(f) &&
      sameName(goldForms(g.source), formsOf(f.source)) &&
      sameName(goldForms(g.target), formsOf(f.target)),
    (g) => `${g.source} ${g.type} ${g.target}`,
    (f) => `${nameOf(f.source)} ${relationType(f)} ${nameOf(f.target)}`,
    (f) =>
      notes.some(
        (note) =>
          note.includes(relationType(f)) &&
          noteNames(note, formsOf(f.source), true) &&
          noteNames(note, formsOf(f.target), true),
      ),
  );
  return { document: gold.document, categories };
}

export function totals(scores: DocumentScore[]): Record<Category, CategoryScore> {
  const all = Object.fromEntries(CATEGORIES.map((category) => [category, emptyScore()])) as Record<
    Category,
    CategoryScore
  >;
  for (const score of scores) {
    for (const category of CATEGORIES) {
      const into = all[category];
      const from = score.categories[category];
      into.truePositives += from.truePositives;
      into.falsePositives += from.falsePositives;
      into.falseNegatives += from.falseNegatives;
    }
  }
  return all;
}

function row(label: string, score: CategoryScore): string {
  const { precision, recall, f1: value } = f1(score);
  const found = score.truePositives + score.falsePositives;
  const gold = score.truePositives + score.falseNegatives;
  return `  ${label.padEnd(13)} P ${precision.toFixed(2)}  R ${recall.toFixed(2)}  F1 ${value.toFixed(2)}   (tp/found/gold ${score.truePositives}/${found}/${gold})`;
}

/** The score table as text: one block per document, then overall; misses and false finds when verbose. */
export function formatScores(scores: DocumentScore[], verbose: boolean): string {
  const lines: string[] = [];
  for (const score of scores) {
    lines.push(score.document);
    for (const category of CATEGORIES) lines.push(row(category, score.categories[category]));
    if (!verbose) continue;
    for (const category of CATEGORIES) {
      for (const miss of score.categories[category].misses) lines.push(`    miss  ${category}: ${miss}`);
      for (const find of score.categories[category].falseFinds) lines.push(`    false ${category}: ${find}`);
      for (const find of score.categories[category].uncertain) lines.push(`    unsure ${category}: ${find}`);
    }
  }
  const all = totals(scores);
  lines.push('overall');
  for (const category of CATEGORIES) lines.push(row(category, all[category]));
  return lines.join('\n');
}
