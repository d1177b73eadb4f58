/**
 * Entity resolution across documents: gazetteer matches join their entry; full person names are
 * one entity per name; surnames and "Mr. X" resolve to the person of that surname in the same
 * document (else in the corpus); the display name is the fullest form the articles write.
 */
import type { Gazetteer, GazetteerEntry } from '../gazetteer.js';
import type { Mention } from '../extract/mention-basics.js';
import { entityId, slug } from '../ids.js';
import { SHORT_HONORIFICS } from '../vocabulary/names.js';

export type EntityLabel = 'Actor' | 'Institution' | 'Place';

export interface Entity {
  readonly key: string;
  readonly id: string;
  readonly label: EntityLabel;
  /** person | state | group for actors; the institution or place kind otherwise. */
  readonly kind: string;
  name: string;
  /** Every form written (aliases), titles included ("Mr. Blinken"), each once, in the order first written. */
  forms: readonly string[];
  gazetteer?: GazetteerEntry | undefined;
  rule: string;
  confidence: number;
}

/** What makes an entity, apart from its id (made from its label and name) and forms (added as found). */
export type EntityFields = Omit<Entity, 'forms' | 'id'>;

/**
 * One entity of the table, of one class so that every entity shares one hidden class: made by
 * spreading an object literal, each of the 11,000 entities of a 2,000-article import had a hidden
 * class of its own (a map and descriptor array, over 300 bytes each; bench/heap-summary.ts), and
 * the table lives for the whole import. Its strings are flat copies (own), the forms an array of
 * the exact size (two Maps of counts were another 370 bytes an entity).
 */
class TableEntity implements Entity {
  readonly key: string;
  readonly id: string;
  readonly label: EntityLabel;
  readonly kind: string;
  name: string;
  forms: readonly string[] = [];
  gazetteer: GazetteerEntry | undefined;
  rule: string;
  confidence: number;

  constructor(fields: EntityFields) {
    this.key = own(fields.key);
    this.id = own(entityId(fields.label, fields.gazetteer?.name ?? fields.name));
    this.label = fields.label;
    this.kind = fields.kind;
    this.name = own(fields.name);
    this.gazetteer = fields.gazetteer;
    this.rule = fields.rule;
    this.confidence = fields.confidence;
  }
}

/** A table entity (of the shared class), for the entities that join the table while assembling. */
export function makeEntity(fields: EntityFields): Entity {
  return new TableEntity(fields);
}

export interface ResolvedMention extends Mention {
  entityKey: string;
}

export interface ResolvedCorpus {
  entities: Map<string, Entity>;
  /** Per document (same order as the input), its mentions with their entity. */
  mentions: ResolvedMention[][];
}

function labelOf(type: string): EntityLabel {
  if (type === 'institution') return 'Institution';
  if (type === 'place') return 'Place';
  return 'Actor';
}

function lastWord(name: string): string {
  return name.split(/\s+/).pop()!.replace(/[.]/g, '');
}

function titled(mention: Pick<Mention, 'text' | 'title'>): string {
  if (!mention.title) return mention.text;
  const title = SHORT_HONORIFICS.has(mention.title) ? `${mention.title}.` : mention.title;
  return `${title} ${mention.text}`;
}

/**
 * A flat copy of a string cut from an article, for the corpus-wide table: V8 keeps a substring of
 * 13 characters or more as a slice of its parent (and a concatenation as its parts), so a name
 * kept for the whole import would keep its whole article alive. After scanning 600 articles the
 * resolver held 823 article texts that way (bench/resolver-memory.ts).
 */
function own(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** What step 2 needs of a surname mention: where it is in its document's mentions, and its words. */
interface PendingSurname {
  doc: number;
  /** Its place in the document's mentions (as given to addDocument and again to mentionsOf). */
  index: number;
  text: string;
  title: string | undefined;
  ner: Mention['ner'];
  rule: string;
}

class EntityTable {
  readonly entities = new Map<string, Entity>();
  /**
   * Per person, how often each form was written without a title: the candidates for the display
   * name (pickDisplayNames, only of people). Dropped once the names are picked.
   */
  plain = new Map<Entity, Map<string, number>>();

  get(key: string): Entity | undefined {
    return this.entities.get(key);
  }

  ensure(key: string, make: () => EntityFields): Entity {
    let entity = this.entities.get(key);
    if (!entity) {
      entity = new TableEntity(make());
      // The table's key is the entity's own flat copy.
      this.entities.set(entity.key, entity);
    }
    return entity;
  }

  addForm(entity: Entity, form: string, plain = true): void {
    let kept = entity.forms.find((known) => known === form);
    if (kept === undefined) {
      // A new form is the only string the table keeps: copied flat (own), in an array of its size.
      kept = own(form);
      entity.forms = [...entity.forms, kept];
    }
    if (!plain || entity.kind !== 'person') return;
    let counts = this.plain.get(entity);
    if (!counts) this.plain.set(entity, (counts = new Map()));
    counts.set(kept, (counts.get(kept) ?? 0) + 1);
  }
}

function keyOfGazetteer(entry: GazetteerEntry): string {
  return `g:${entry.name}`;
}

/** The entity a mention of step 1 joins, and how to make it when it is new; none for a surname. */
function entityOfMention(mention: Mention): { key: string; make: () => EntityFields } | undefined {
  if (mention.entry && mention.rule.startsWith('gazetteer')) {
    const entry = mention.entry;
    const key = keyOfGazetteer(entry);
    return {
      key,
      make: () => ({
        key,
        label: labelOf(entry.type),
        kind: entry.type === 'institution' || entry.type === 'place' ? entry.kind : entry.type,
        name: entry.name,
        gazetteer: entry,
        rule: 'gazetteer',
        confidence: 0.95,
      }),
    };
  }
  // A name the rules or the tagger found and no list knows: one entity per written name (an
  // institution per key, so that "Azerbaijan's MFA" and "Azerbaijani MFA" are one).
  const detected = DETECTED[mention.type];
  if (!detected) return undefined;
  const key = `${detected.prefix}:${slug(mention.type === 'institution' ? (mention.key ?? mention.text) : mention.text)}`;
  return {
    key,
    make: () => ({
      key,
      label: detected.label,
      kind: mention.type === 'institution' ? (mention.entry?.kind ?? 'other') : mention.type,
      name: mention.text,
      rule: mention.rule,
      confidence: mention.confidence,
    }),
  };
}

const DETECTED: Partial<Record<Mention['type'], { prefix: string; label: EntityLabel }>> = {
  institution: { prefix: 'i', label: 'Institution' },
  state: { prefix: 's', label: 'Actor' },
  person: { prefix: 'p', label: 'Actor' },
};

/** People of a document by surname (and by single-word gazetteer alias). */
function surnameIndex(table: EntityTable, keys: Iterable<string>): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const key of keys) {
    const entity = table.get(key);
    if (!entity || entity.kind !== 'person') continue;
    const names = [entity.name, ...entity.forms, ...(entity.gazetteer?.forms ?? [])];
    for (const name of names) {
      if (name.split(/\s+/).length < 2) continue;
      const surname = lastWord(name);
      index.set(surname, new Set([...(index.get(surname) ?? []), key]));
    }
  }
  return index;
}

/**
 * The surname index of each document's people for step 2, built once per document and kept up to
 * date as surnames resolve (a new person in the document, a new form of one of its people), rather
 * than rebuilt from all of the document's mentions for every surname (quadratic in its length).
 * Holds the same as surnameIndex of the document's entity keys at every step.
 */
class LocalSurnames {
  private byDocument = new Map<number, Map<string, Set<string>>>();
  /** Entity key -> the documents whose index holds it. */
  private documentsOf = new Map<string, Set<number>>();

  constructor(
    private table: EntityTable,
    private keysOf: (doc: number) => Iterable<string>,
  ) {}

  of(doc: number): Map<string, Set<string>> {
    let index = this.byDocument.get(doc);
    if (!index) {
      const keys = new Set(this.keysOf(doc));
      index = surnameIndex(this.table, keys);
      this.byDocument.set(doc, index);
      for (const key of keys) this.holds(key).add(doc);
    }
    return index;
  }

  /** `key` now has a mention in `doc`, or a new form: its surnames join every index that holds it. */
  touched(doc: number, key: string): void {
    const documents = this.holds(key);
    if (this.byDocument.has(doc)) documents.add(doc);
    const added = surnameIndex(this.table, [key]);
    for (const d of documents) {
      const index = this.byDocument.get(d)!;
      for (const [surname, keys] of added) index.set(surname, new Set([...(index.get(surname) ?? []), ...keys]));
    }
  }

  private holds(key: string): Set<number> {
    let documents = this.documentsOf.get(key);
    if (!documents) this.documentsOf.set(key, (documents = new Set()));
    return documents;
  }
}

/** People of a document by the first word of their full name. */
function firstNameIndex(table: EntityTable, keys: Iterable<string>): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const key of new Set(keys)) {
    const entity = table.get(key);
    if (!entity || entity.kind !== 'person' || entity.name.split(/\s+/).length < 2) continue;
    const first = entity.name.split(/\s+/)[0];
    index.set(first, new Set([...(index.get(first) ?? []), key]));
  }
  return index;
}

/**
 * Resolution in two steps, so that a corpus too large to hold can be resolved exactly as a whole:
 * addDocument() takes each document's mentions in turn (full names, gazetteer forms, bylines:
 * step 1) and keeps only what the later steps need (each document's entity keys and its surname
 * mentions); finish() resolves the surnames against the whole corpus, drops the unconfirmed
 * shape-only people and picks display names (steps 2 to 4); mentionsOf() then gives a document's
 * resolved mentions from the same mentions again, without having kept them. The result is the
 * same as resolving every document at once (resolveEntities, which is built on it).
 */
export class CorpusResolver {
  private readonly table = new EntityTable();
  /** Per document, the entities its mentions joined (steps 1 and 2; dropped by finish). */
  private keys: Array<Set<string>> = [];
  private pendingSurnames: PendingSurname[] = [];
  /**
   * Per document, its surnames resolved in step 2, as pairs of the mention's index and its
   * entity's key (dropped once mentionsOf has used them): mentionsOf gets the mentions again.
   */
  private readonly surnames = new Map<number, Array<number | string>>();
  /** Entities that a mention other than the shape of a name supports (step 3). */
  private readonly confirmed = new Set<string>();
  private finished = false;

  constructor(private readonly gazetteer: Gazetteer) {}

  get entities(): Map<string, Entity> {
    return this.table.entities;
  }

  /** Step 1 for one document; returns its number for mentionsOf. */
  addDocument(mentions: Mention[], authors: string[]): number {
    if (this.finished) throw new Error('CorpusResolver: a document added after finish()');
    const doc = this.keys.length;
    const keys = new Set<string>();
    this.keys.push(keys);
    for (const [index, mention] of mentions.entries()) {
      const found = entityOfMention(mention);
      if (!found) {
        if (mention.type === 'surname') {
          const { text, title, ner, rule } = mention;
          this.pendingSurnames.push({ doc, index, text: own(text), title: title && own(title), ner, rule });
        }
        continue;
      }
      const entity = this.table.ensure(found.key, found.make);
      // A person whose only cue is its shape stays unless it is confirmed elsewhere (finish).
      this.table.addForm(entity, mention.text);
      if (mention.title) this.table.addForm(entity, titled(mention), false);
      keys.add(entity.key);
      if (mention.rule !== 'person:shape') this.confirmed.add(entity.key);
    }
    for (const author of authors) {
      const entry = this.gazetteer.byForm.get(author);
      const key = entry?.type === 'person' ? keyOfGazetteer(entry) : `p:${slug(author)}`;
      const entity = this.table.ensure(key, () => ({
        key,
        label: 'Actor',
        kind: 'person',
        name: author,
        rule: 'byline',
        confidence: 0.95,
        ...(entry ? { gazetteer: entry } : {}),
      }));
      this.table.addForm(entity, author);
    }
    return doc;
  }

  /** Steps 2 to 4, once every document was added. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.resolveSurnames();
    // Only surname resolution needed each document's entities; they grow with the corpus.
    this.keys = [];
    this.confirmShapes();
    this.confirmed.clear();
    this.pickDisplayNames();
    this.table.plain = new Map();
  }

  /** A document's resolved mentions, in text order: `mentions` must be those given to addDocument. */
  mentionsOf(doc: number, mentions: Mention[]): ResolvedMention[] {
    const resolved: ResolvedMention[] = [];
    // Each mention names its entity by the table's own key string, not a copy: the keys travel on
    // into sets and maps that live for the whole import (evidence counts, the statement spill's).
    const add = (mention: Mention, key: string) => {
      const entity = this.table.get(key);
      if (entity) resolved.push({ ...mention, entityKey: entity.key });
    };
    for (const mention of mentions) {
      const found = entityOfMention(mention);
      if (found) add(mention, found.key);
    }
    const surnames = this.surnames.get(doc) ?? [];
    for (let at = 0; at < surnames.length; at += 2) {
      add({ ...mentions[surnames[at] as number], type: 'person' }, surnames[at + 1] as string);
    }
    this.surnames.delete(doc);
    return resolved.sort((a, b) => a.start - b.start);
  }

  // 2. Surnames: the person of that surname in the same document, else anywhere in the corpus.
  private resolveSurnames(): void {
    const table = this.table;
    const corpusIndex = surnameIndex(table, table.entities.keys());
    const localSurnames = new LocalSurnames(table, (doc) => this.keys[doc]);
    for (const mention of this.pendingSurnames) {
      const doc = mention.doc;
      const local = localSurnames.of(doc);
      // "Qiao" for "Qiao Wenbin": where no full name ends with the word, one may start with it
      // (names written family name first).
      const candidates =
        local.get(mention.text) ??
        corpusIndex.get(mention.text) ??
        (mention.ner === 'person' ? firstNameIndex(table, this.keys[doc]).get(mention.text) : undefined);
      let key = candidates && candidates.size === 1 ? [...candidates][0] : undefined;
      const byHonorific = mention.title !== undefined && SHORT_HONORIFICS.has(mention.title);
      if (!key && (byHonorific || mention.ner === 'person')) {
        // "Mr. Karimov", or a surname the tagger calls a person, with no full name anywhere: a
        // person known by surname only.
        key = `p:${slug(mention.text)}`;
        table.ensure(key, () => ({
          key: key!,
          label: 'Actor',
          kind: 'person',
          name: mention.text,
          rule: byHonorific ? 'person:honorific' : 'ner:surname',
          confidence: 0.7,
        }));
      }
      if (!key) continue;
      const entity = table.get(key)!;
      table.addForm(entity, mention.text);
      if (mention.title) table.addForm(entity, titled(mention), false);
      const list = this.surnames.get(doc) ?? [];
      list.push(mention.index, entity.key);
      this.surnames.set(doc, list);
      this.keys[doc].add(key);
      if (mention.rule !== 'person:shape') this.confirmed.add(key);
      localSurnames.touched(doc, key);
    }
    this.pendingSurnames = [];
  }

  // 3. People found only by the shape of their name need a second sign (a cue, or the surname
  //    used alone elsewhere); otherwise "Helsinki Final" would be a person.
  private confirmShapes(): void {
    for (const [key, entity] of this.table.entities) {
      if (entity.rule === 'person:shape' && !this.confirmed.has(key)) this.table.entities.delete(key);
      else if (entity.rule === 'person:shape') {
        entity.rule = 'person:surname-confirmed';
        entity.confidence = 0.7;
      }
    }
  }

  // 4. Display names: the fullest form the articles write for people; the gazetteer's otherwise.
  private pickDisplayNames(): void {
    for (const entity of this.table.entities.values()) {
      if (entity.kind !== 'person') continue;
      const plain = this.table.plain.get(entity) ?? new Map<string, number>();
      const full = [...plain.keys()].sort(
        (a, b) => b.split(' ').length - a.split(' ').length || (plain.get(b) ?? 0) - (plain.get(a) ?? 0),
      )[0];
      if (full && full.split(' ').length >= entity.name.split(' ').length) entity.name = full;
    }
  }
}

export function resolveEntities(
  documents: Array<{ mentions: Mention[]; authors: string[] }>,
  gazetteer: Gazetteer,
): ResolvedCorpus {
  const resolver = new CorpusResolver(gazetteer);
  const docs = documents.map((document) => resolver.addDocument(document.mentions, document.authors));
  resolver.finish();
  return {
    entities: resolver.entities,
    mentions: docs.map((doc, index) => resolver.mentionsOf(doc, documents[index].mentions)),
  };
}
