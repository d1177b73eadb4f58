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
import { CorpusResolver, type Entity, type ResolvedMention } from './resolve/entities.js';
import { mergeStatements, type StatementOccurrence } from './resolve/statements.js';

export { loadGazetteer } from './gazetteer.js';

export interface BuildOptions {
  /** Known entities and their variants; without it names are found by their shape and context only. */
  gazetteer?: Gazetteer;
  /** The named-entity tagger's spans per document; without them the rules find names alone. */
  ner?: NerByDocument | undefined;
}

export type NerByDocument = Map<SourceDocument, NerSpan[]>;

/** Evidence sentences an entity keeps (also when batches are merged: merge-carried.ts). */
export const MAX_ENTITY_EVIDENCE = 3;

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

/** A document's mentions before resolution (the byline's names and the tagger's spans included). */
export function documentMentions(document: SourceDocument, gazetteer: Gazetteer, spans?: NerSpan[]): Mention[] {
  return outsideFurniture(
    document.text,
    findMentions(document.text, gazetteer, new NerHints(withAuthors(document, spans))),
  );
}

/** What assembling some documents gives: their graph but the statements, merged later (see GraphAssembler). */
export interface AssembledDocuments {
  nodes: Map<string, GraphNode>;
  edges: EdgeCollector;
  occurrences: StatementOccurrence[];
  /** Entity keys the documents refer to, and the evidence sentences they add to each (at most 3 in all). */
  entityEvidence: Map<string, Evidence[]>;
}

/**
 * Builds documents' graphs against one corpus-wide entity table, a batch at a time: the entity
 * table comes from a CorpusResolver that saw every document first, and the few things carried
 * from batch to batch (how many evidence sentences each entity already has, the gazetteer states
 * that roles added to the table) live here, so that documents assembled in batches, in order,
 * give the same nodes and edges as all of them at once. Statements are returned as occurrences:
 * they merge across the whole corpus (mergeStatements) once every batch was assembled.
 */
export class GraphAssembler {
  /** Evidence sentences given to each entity so far (the first MAX_ENTITY_EVIDENCE documents'). */
  private readonly evidenceCount = new Map<string, number>();
  private readonly kindOf: (key: string) => string | undefined;
  private readonly stateKeyByName: (name: string) => string | undefined;
  private readonly gazetteerRoles: (key: string) => Array<{ title: string; of: string }>;
  /** Bylines' people by written form, built on first use (a scan of every entity per document grew with the corpus). */
  private bylines: Map<string, Entity> | null = null;

  constructor(
    readonly entities: Map<string, Entity>,
    private readonly gazetteer: Gazetteer,
  ) {
    // The entity's type for the rules: person | state | group | institution | place.
    this.kindOf = (key: string) => {
      const entity = entities.get(key);
      if (!entity) return undefined;
      return entity.label === 'Institution' ? 'institution' : entity.label === 'Place' ? 'place' : entity.kind;
    };
    this.stateKeyByName = (name: string) => {
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
    this.gazetteerRoles = (key: string) => entities.get(key)?.gazetteer?.roles ?? [];
  }

  /**
   * Documents with their resolved mentions, in corpus order. A document whose extraction throws is
   * left out (and named in `failed`) without touching what the others give.
   */
  assemble(
    documents: Array<{ document: SourceDocument; mentions: ResolvedMention[] }>,
    failed: (document: SourceDocument, error: unknown) => void = (_document, error) => {
      throw error;
    },
  ): AssembledDocuments {
    const result: AssembledDocuments = {
      nodes: new Map(),
      edges: new EdgeCollector(),
      occurrences: [],
      entityEvidence: new Map(),
    };
    for (const { document, mentions } of documents) {
      let one: AssembledDocuments;
      try {
        one = this.assembleOne(document, mentions);
      } catch (error) {
        failed(document, error);
        continue;
      }
      for (const [id, node] of one.nodes) result.nodes.set(id, node);
      result.edges.addFrom(one.edges);
      result.occurrences.push(...one.occurrences);
      for (const [key, evidence] of one.entityEvidence) {
        const count = this.evidenceCount.get(key) ?? 0;
        const added = evidence.slice(0, Math.max(0, MAX_ENTITY_EVIDENCE - count));
        this.evidenceCount.set(key, count + added.length);
        result.entityEvidence.set(key, [...(result.entityEvidence.get(key) ?? []), ...added]);
      }
    }
    return result;
  }

  /** The node of an entity, with these evidence sentences. */
  entityNode(key: string, evidence: Evidence[]): GraphNode {
    return entityNode(this.entities.get(key)!, evidence);
  }

  private assembleOne(document: SourceDocument, mentions: ResolvedMention[]): AssembledDocuments {
    const { entities, kindOf, stateKeyByName, gazetteerRoles, gazetteer } = this;
    const nodes = new Map<string, GraphNode>();
    const edges = new EdgeCollector();
    const occurrences: StatementOccurrence[] = [];
    const entityEvidence = new Map<string, Evidence[]>();
    const text = document.text;
    const sentences = splitSentences(text);
    const id = documentId(text);
    const work: DocumentWork = { document, id, sentences, mentions, roles: [] };
    const roles = extractRoles(text, sentences, { mentions, kindOf, stateKeyByName, gazetteerRoles }, gazetteer);
    work.roles = roles;
    const refer = (entity: Entity) => {
      if (!entityEvidence.has(entity.key)) entityEvidence.set(entity.key, []);
      return entity;
    };
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
      const entity = refer(entities.get(key)!);
      const sentence = sentenceOf(list[0].start);
      if (sentence) entityEvidence.get(key)!.push(evidenceOf(work, sentence.start, sentence.end));
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
    this.bylines ??= peopleByForm(entities);
    const authors = authorsOf(document, this.bylines).map(refer);
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
      refer(person);
      refer(target);
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
      refer(source);
      refer(target);
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

    return { nodes, edges, occurrences, entityEvidence };
  }
}

/** Statement occurrences merged across the corpus, as Statement nodes and their edges. */
export function statementGraph(
  occurrences: StatementOccurrence[],
  entities: Map<string, Entity>,
): { nodes: Map<string, GraphNode>; edges: EdgeCollector } {
  const nodes = new Map<string, GraphNode>();
  const edges = new EdgeCollector();
  addStatements(mergeStatements(occurrences), entities, nodes, edges);
  return { nodes, edges };
}

/** Where the names came from, as every extracted fact's rule records it. */
export function namesSource(ner: NerByDocument | undefined): 'corenlp' | 'rules' {
  return ner ? 'corenlp' : 'rules';
}

/** Every extracted fact's rule says where the names came from: "quote:verb-before@corenlp", "…@rules". */
export function recordNames(properties: Record<string, unknown>, names: string): void {
  if (typeof properties.rule === 'string' && !properties.rule.includes('@'))
    properties.rule = `${properties.rule}@${names}`;
}

/** All documents at once: resolution over them, then one batch (what the streaming import reproduces). */
export function buildGraph(documents: SourceDocument[], options: BuildOptions = {}): GraphBatch {
  const gazetteer = options.gazetteer ?? emptyGazetteer();
  const resolver = new CorpusResolver(gazetteer);
  const found = documents.map((document) => {
    const mentions = documentMentions(document, gazetteer, options.ner?.get(document));
    return { document, mentions, doc: resolver.addDocument(mentions, document.authors) };
  });
  resolver.finish();
  const assembler = new GraphAssembler(resolver.entities, gazetteer);
  const assembled = assembler.assemble(
    found.map(({ document, mentions, doc }) => ({ document, mentions: resolver.mentionsOf(doc, mentions) })),
  );
  const nodes = assembled.nodes;
  for (const entity of resolver.entities.values())
    nodes.set(entity.id, entityNode(entity, assembled.entityEvidence.get(entity.key) ?? []));
  const statements = statementGraph(assembled.occurrences, resolver.entities);
  for (const [id, node] of statements.nodes) nodes.set(id, node);
  assembled.edges.addFrom(statements.edges);

  const sortedNodes = [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id));
  const sortedEdges = assembled.edges.all().sort((a, b) => a.id.localeCompare(b.id));
  const names = namesSource(options.ner);
  for (const item of [...sortedNodes, ...sortedEdges]) recordNames(item.properties, names);
  return { nodes: sortedNodes, edges: sortedEdges };
}

/**
 * The first person (in the table's order) written in each form. Built once the table is complete:
 * entities added while assembling (a role's state) come without forms, so the index stays right.
 */
function peopleByForm(entities: Map<string, Entity>): Map<string, Entity> {
  const byForm = new Map<string, Entity>();
  for (const entity of entities.values()) {
    if (entity.kind !== 'person') continue;
    for (const form of entity.forms.keys()) if (!byForm.has(form)) byForm.set(form, entity);
  }
  return byForm;
}

/** The people of the corpus whom this document's byline names. */
function authorsOf(document: SourceDocument, peopleByForm: Map<string, Entity>): Entity[] {
  return document.authors.flatMap((author) => peopleByForm.get(author) ?? []);
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

/** Entities a statement names: mentions inside the statement's own words. */
function aboutKeys(statement: ExtractedStatement, mentions: ResolvedMention[]): string[] {
  const keys = mentionsWithin(mentions, statement.start, statement.end)
    .filter((m) => statement.text.includes(m.text))
    .map((m) => m.entityKey);
  return [...new Set(keys)];
}
