/**
 * From read documents to a GraphBatch: sentences -> mentions -> entities (resolved across all
 * documents) -> roles, statements, relations -> nodes and edges with stable ids and evidence.
 * Pure and deterministic: the same documents give the same batch.
 */
import { encodeEvidence, type Evidence, type GraphBatch, type GraphNode, type RelType } from '../domain/graph.js';
import { searchTextOf } from '../domain/search-text.js';
import { EdgeCollector } from './assemble/edge-collector.js';
import { hash } from './assemble/hash.js';
import { addStatements } from './assemble/statement-graph.js';
import { findStatementDate } from './extract/dates.js';
import { canMean, gendersOf } from './extract/gender.js';
import { furnitureSpans } from './extract/furniture.js';
import { findMentions, type Mention } from './extract/mentions.js';
import { NerHints } from './extract/ner-hints.js';
import { extractRelations } from './extract/relations.js';
import { extractRoles, type ExtractedRole } from './extract/roles.js';
import { lastMentionBefore, mentionsWithin } from './extract/mention-index.js';
import { sentenceContaining, splitSentences, type Sentence } from './extract/sentences.js';
import { extractStatements, type ExtractedStatement } from './extract/statements.js';
import { emptyGazetteer, type Gazetteer } from './gazetteer.js';
import type { NerSpan } from './ner/ner-types.js';
import type { SourceDocument } from './read/types.js';
import { resolveEntities, type Entity, type ResolvedMention } from './resolve/entities.js';
import { mergeStatements, type StatementOccurrence } from './resolve/statements.js';

export { loadGazetteer } from './gazetteer.js';

export interface BuildOptions {
  /** Known entities and their variants; without it names are found by their shape and context only. */
  gazetteer?: Gazetteer;
  /** The named-entity tagger's spans per document; without them the rules find names alone. */
  ner?: NerByDocument | undefined;
}

export type NerByDocument = Map<SourceDocument, NerSpan[]>;

const MAX_ENTITY_EVIDENCE = 3;

export function documentId(text: string): string {
  return `doc:${hash(text.normalize('NFC'))}`;
}

interface DocumentWork {
  document: SourceDocument;
  id: string;
  sentences: Sentence[];
  mentions: ResolvedMention[];
  roles: ExtractedRole[];
}

function evidenceOf(work: DocumentWork, start: number, end: number): Evidence {
  return { documentId: work.id, sentence: work.document.text.slice(start, end), start, end };
}

function entityNode(entity: Entity, evidence: Evidence[]): GraphNode {
  const aliases = [...entity.forms.keys()].filter((form) => form !== entity.name).sort();
  return {
    id: entity.id,
    label: entity.label,
    properties: {
      name: entity.name,
      kind: entity.kind,
      aliases,
      description: null,
      searchText: searchTextOf(entity.name, aliases),
      rule: entity.rule,
      confidence: entity.confidence,
      evidence: evidence.length > 0 ? encodeEvidence(evidence.slice(0, MAX_ENTITY_EVIDENCE)) : null,
    },
  };
}

export function buildGraph(documents: SourceDocument[], options: BuildOptions = {}): GraphBatch {
  const gazetteer = options.gazetteer ?? emptyGazetteer();
  const perDocument = documents.map((document) => ({
    document,
    sentences: splitSentences(document.text),
    mentions: outsideFurniture(
      document.text,
      findMentions(document.text, gazetteer, new NerHints(withAuthors(document, options.ner?.get(document)))),
    ),
  }));
  const corpus = resolveEntities(
    perDocument.map((d) => ({ mentions: d.mentions, authors: d.document.authors })),
    gazetteer,
  );
  const entities = corpus.entities;
  // The entity's type for the rules: person | state | group | institution | place.
  const kindOf = (key: string) => {
    const entity = entities.get(key);
    if (!entity) return undefined;
    return entity.label === 'Institution' ? 'institution' : entity.label === 'Place' ? 'place' : entity.kind;
  };
  const stateKeyByName = (name: string) => {
    const entry = gazetteer.byName.get(name);
    const key = entry ? `g:${entry.name}` : undefined;
    if (key && !entities.has(key) && entry) {
      entities.set(key, {
        key,
        id: `${entry.type === 'institution' ? 'inst' : 'actor'}:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        label: entry.type === 'institution' ? 'Institution' : 'Actor',
        kind: entry.type === 'institution' ? entry.kind : entry.type,
        name: entry.name,
        forms: new Map(),
        plain: new Map(),
        gazetteer: entry,
        rule: 'gazetteer:role',
        confidence: 0.8,
      });
    }
    return key;
  };
  const gazetteerRoles = (key: string) => entities.get(key)?.gazetteer?.roles ?? [];

  const nodes = new Map<string, GraphNode>();
  const edges = new EdgeCollector();
  const occurrences: StatementOccurrence[] = [];
  const entityEvidence = new Map<string, Evidence[]>();

  const works: DocumentWork[] = perDocument.map((d, index) => {
    const id = documentId(d.document.text);
    const mentions = corpus.mentions[index];
    const work: DocumentWork = { document: d.document, id, sentences: d.sentences, mentions, roles: [] };
    work.roles = extractRoles(
      d.document.text,
      d.sentences,
      { mentions, kindOf, stateKeyByName, gazetteerRoles },
      gazetteer,
    );
    return work;
  });

  for (const work of works) {
    const { document, id, sentences, mentions, roles } = work;
    const text = document.text;
    nodes.set(id, {
      id,
      label: 'Document',
      properties: {
        title: document.title,
        url: document.url,
        publisher: document.publisher,
        authors: document.authors,
        published: document.published,
        text,
        wordCount: text.split(/\s+/).filter(Boolean).length,
        contentHash: hash(text),
        source: document.fileName,
      },
    });
    const sentenceOf = (position: number) => sentenceContaining(sentences, position);

    // Mentions: MENTIONED_IN with count and spans; the first sentences as the entity's evidence.
    const byEntity = new Map<string, ResolvedMention[]>();
    for (const mention of mentions) {
      const list = byEntity.get(mention.entityKey);
      if (list) list.push(mention);
      else byEntity.set(mention.entityKey, [mention]);
    }
    for (const [key, list] of byEntity) {
      const entity = entities.get(key)!;
      const evidence = entityEvidence.get(key) ?? [];
      const sentence = sentenceOf(list[0].start);
      if (sentence && evidence.length < MAX_ENTITY_EVIDENCE)
        evidence.push(evidenceOf(work, sentence.start, sentence.end));
      entityEvidence.set(key, evidence);
      edges.add({
        id: `MENTIONED_IN:${entity.id}->${id}`,
        type: 'MENTIONED_IN',
        source: entity.id,
        target: id,
        sourceLabel: entity.label,
        targetLabel: 'Document',
        properties: {
          rule: 'mention',
          confidence: Math.max(...list.map((m) => m.confidence)),
          date: document.published,
          mentions: list.length,
          spans: JSON.stringify(list.map((m) => [m.start, m.end])),
        },
      });
    }

    // Authors wrote the document.
    const authors = authorsOf(document, entities);
    for (const entity of authors) {
      edges.add({
        id: `WROTE:${entity.id}->${id}`,
        type: 'WROTE',
        source: entity.id,
        target: id,
        sourceLabel: 'Actor',
        targetLabel: 'Document',
        properties: { rule: 'byline', confidence: 0.95, date: document.published },
      });
      edges.add({
        id: `MENTIONED_IN:${entity.id}->${id}`,
        type: 'MENTIONED_IN',
        source: entity.id,
        target: id,
        sourceLabel: 'Actor',
        targetLabel: 'Document',
        properties: { rule: 'byline', confidence: 0.95, date: document.published, mentions: 0, spans: '[]' },
      });
    }

    for (const role of roles) {
      const person = entities.get(role.personKey);
      const target = entities.get(role.targetKey);
      if (!person || !target) continue;
      const titleSlug = role.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      edges.add(
        {
          id: `${role.type}:${person.id}->${target.id}:${titleSlug}`,
          type: role.type,
          source: person.id,
          target: target.id,
          sourceLabel: person.label,
          targetLabel: target.label,
          properties:
            role.type === 'HOLDS_ROLE'
              ? { rule: role.rule, confidence: role.confidence, date: null, title: role.title, status: role.status }
              : { rule: role.rule, confidence: role.confidence, date: null, title: role.title },
        },
        [evidenceOf(work, role.start, role.end)],
      );
    }

    const topOfficialOf = (stateKey: string, title?: string) =>
      roles.find(
        (role) =>
          role.targetKey === stateKey &&
          role.type === 'HOLDS_ROLE' &&
          role.status === 'current' &&
          (!title || role.title.toLowerCase() === title.toLowerCase()) &&
          /president|prime minister|king|emir|chancellor|premier|leader/i.test(role.title),
      )?.personKey ??
      [...byEntity.keys()].find((key) =>
        entities
          .get(key)
          ?.gazetteer?.roles.some((r) => r.of === entities.get(stateKey)?.name && (!title || r.title === title)),
      );
    const authorKeys = new Set(authors.map((entity) => entity.key));
    const isAuthor = (key: string) => authorKeys.has(key);
    const holderOf = (targetKey: string, word: string) =>
      roles.find((role) => role.targetKey === targetKey && role.title.toLowerCase().includes(word.toLowerCase()))
        ?.personKey;
    const genders = gendersOf(text, sentences, mentions, (key) => kindOf(key) === 'person');
    const lastPersonBefore = (position: number, pronoun?: string) =>
      lastMentionBefore(
        mentions,
        position,
        (m) => kindOf(m.entityKey) === 'person' && !isAuthor(m.entityKey) && canMean(pronoun, genders.get(m.entityKey)),
      )?.entityKey;
    const statements = extractStatements(text, sentences, {
      mentions,
      kindOf,
      topOfficialOf,
      lastSpeakerBefore: lastPersonBefore,
      genderOf: (key) => genders.get(key),
      isAuthor,
      holderOf,
    });
    let previous: { date: string | null; explicit: boolean; speakerKey: string | null; end: number } | null = null;
    for (const statement of statements) {
      const found = findStatementDate(text.slice(statement.start, statement.end), document.published);
      // "…,” the statement read." and "He also called for …" right after a dated statement by the
      // same speaker belong to that occasion.
      const continues: boolean =
        previous !== null &&
        (statement.rule === 'quote:statement-read' ||
          (statement.speakerKey !== null &&
            statement.speakerKey === previous.speakerKey &&
            statement.start - previous.end < 400));
      const date: string | null = found?.iso ?? (continues ? previous!.date : null);
      const explicit: boolean = found ? found.precision === 'explicit' : continues && previous!.explicit;
      previous = { date, explicit, speakerKey: statement.speakerKey, end: statement.end };
      occurrences.push({
        statement,
        documentId: id,
        date,
        dateExplicit: explicit,
        published: document.published,
        evidence: evidenceOf(work, statement.start, statement.end),
        about: aboutKeys(statement, mentions),
      });
    }

    const lastSpeakerBefore = (position: number) => {
      const spoken = statements.filter((s) => s.speakerKey && s.start < position).pop();
      return spoken?.speakerKey ?? lastPersonBefore(position);
    };
    // "met the Azerbaijani and Armenian ministers": an adjective mentions a state but does not meet anyone.
    const actors = mentions.filter((m) => !m.rule.endsWith(':adjective'));
    for (const relation of extractRelations(text, sentences, { mentions: actors, kindOf, lastSpeakerBefore })) {
      const source = entities.get(relation.sourceKey);
      const target = entities.get(relation.targetKey);
      if (!source || !target) continue;
      const date = findStatementDate(text.slice(relation.start, relation.end), document.published)?.iso ?? null;
      const type: RelType = relation.type;
      edges.add(
        {
          id: `${type}:${source.id}->${target.id}${relation.role ? `:${relation.role}` : ''}`,
          type,
          source: source.id,
          target: target.id,
          sourceLabel: source.label,
          targetLabel: target.label,
          properties: relation.role
            ? { rule: relation.rule, confidence: relation.confidence, date, role: relation.role }
            : { rule: relation.rule, confidence: relation.confidence, date },
        },
        [evidenceOf(work, relation.start, relation.end)],
      );
    }
  }

  for (const entity of entities.values())
    nodes.set(entity.id, entityNode(entity, entityEvidence.get(entity.key) ?? []));

  addStatements(mergeStatements(occurrences), entities, nodes, edges);

  const sortedNodes = [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id));
  const sortedEdges = edges.all().sort((a, b) => a.id.localeCompare(b.id));
  const names = options.ner ? 'corenlp' : 'rules';
  for (const item of [...sortedNodes, ...sortedEdges]) recordNames(item.properties, names);
  return { nodes: sortedNodes, edges: sortedEdges };
}

/** The people of the corpus whom this document's byline names. */
function authorsOf(document: SourceDocument, entities: Map<string, Entity>): Entity[] {
  const people = [...entities.values()].filter((entity) => entity.kind === 'person');
  return document.authors.flatMap((author) => people.find((entity) => entity.forms.has(author)) ?? []);
}

/**
 * The byline's names are people wherever the text writes them ("Orkhan Jalilov Analysis 3 September"
 * is an author and a section name): added to the tagger's spans, replacing any they overlap.
 */
function withAuthors(document: SourceDocument, spans: NerSpan[] | undefined): NerSpan[] | undefined {
  const authors: NerSpan[] = [];
  for (const author of document.authors) {
    if (author.trim().split(/\s+/).length < 2) continue;
    for (let at = document.text.indexOf(author); at >= 0; at = document.text.indexOf(author, at + author.length))
      authors.push({ start: at, end: at + author.length, text: author, tag: 'PERSON' });
  }
  if (authors.length === 0) return spans;
  const outside = (span: NerSpan) => !authors.some((a) => a.start < span.end && span.start < a.end);
  return [...(spans ?? []).filter(outside), ...authors];
}

/** People named only by a sign-off's editors or a photo credit are not in the story. */
function outsideFurniture(text: string, mentions: Mention[]): Mention[] {
  const spans = furnitureSpans(text);
  if (spans.length === 0) return mentions;
  return mentions.filter((m) => m.type !== 'person' || !spans.some(([a, b]) => m.start >= a && m.end <= b));
}

/** Every extracted fact's rule says where the names came from: "quote:verb-before@corenlp", "…@rules". */
function recordNames(properties: Record<string, unknown>, names: string): void {
  if (typeof properties.rule === 'string' && !properties.rule.includes('@'))
    properties.rule = `${properties.rule}@${names}`;
}

/** Entities a statement names: mentions inside the statement's own words. */
function aboutKeys(statement: ExtractedStatement, mentions: ResolvedMention[]): string[] {
  const keys = mentionsWithin(mentions, statement.start, statement.end)
    .filter((m) => statement.text.includes(m.text))
    .map((m) => m.entityKey);
  return [...new Set(keys)];
}
