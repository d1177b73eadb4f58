/**
 * Entity resolution across documents: gazetteer matches join their entry; full person names are
 * one entity per name; surnames and "Mr. X" resolve to the person of that surname in the same
 * document (else in the corpus); the display name is the fullest form the articles write.
 */
import type { Gazetteer, GazetteerEntry } from '../gazetteer.js';
import type { Mention } from '../extract/mention-basics.js';

export type EntityLabel = 'Actor' | 'Institution' | 'Place';

export interface Entity {
  key: string;
  id: string;
  label: EntityLabel;
  /** person | state | group for actors; the institution or place kind otherwise. */
  kind: string;
  name: string;
  /** Every form written (aliases), titles included: "Mr. Blinken". */
  forms: Map<string, number>;
  /** Forms written without a title: candidates for the display name. */
  plain: Map<string, number>;
  gazetteer?: GazetteerEntry;
  rule: string;
  confidence: number;
}

export interface ResolvedMention extends Mention {
  entityKey: string;
}

export interface ResolvedCorpus {
  entities: Map<string, Entity>;
  /** Per document (same order as the input), its mentions with their entity. */
  mentions: ResolvedMention[][];
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const PREFIX: Record<EntityLabel, string> = { Actor: 'actor', Institution: 'inst', Place: 'place' };

function labelOf(type: string): EntityLabel {
  if (type === 'institution') return 'Institution';
  if (type === 'place') return 'Place';
  return 'Actor';
}

function lastWord(name: string): string {
  return name.split(/\s+/).pop()!.replace(/[.]/g, '');
}

const SHORT_HONORIFICS = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Col',
  'Gen',
  'Lt',
  'Sen',
  'Rep',
  'Gov',
  'Prof',
  'Capt',
  'Maj',
  'Sgt',
  'Adm',
]);

function titled(mention: Mention): string {
  if (!mention.title) return mention.text;
  const title = SHORT_HONORIFICS.has(mention.title) ? `${mention.title}.` : mention.title;
  return `${title} ${mention.text}`;
}

class EntityTable {
  readonly entities = new Map<string, Entity>();

  get(key: string): Entity | undefined {
    return this.entities.get(key);
  }

  ensure(key: string, make: () => Omit<Entity, 'forms' | 'plain' | 'id'>): Entity {
    let entity = this.entities.get(key);
    if (!entity) {
      const made = make();
      entity = {
        ...made,
        id: `${PREFIX[made.label]}:${slug(made.gazetteer?.name ?? made.name)}`,
        forms: new Map(),
        plain: new Map(),
      };
      this.entities.set(key, entity);
    }
    return entity;
  }

  addForm(entity: Entity, form: string, plain = true): void {
    entity.forms.set(form, (entity.forms.get(form) ?? 0) + 1);
    if (plain) entity.plain.set(form, (entity.plain.get(form) ?? 0) + 1);
  }
}

function keyOfGazetteer(entry: GazetteerEntry): string {
  return `g:${entry.name}`;
}

function entityForMention(table: EntityTable, mention: Mention): Entity | undefined {
  if (mention.entry && mention.rule.startsWith('gazetteer')) {
    const entry = mention.entry;
    return table.ensure(keyOfGazetteer(entry), () => ({
      key: keyOfGazetteer(entry),
      label: labelOf(entry.type),
      kind: entry.type === 'institution' || entry.type === 'place' ? entry.kind : entry.type,
      name: entry.name,
      gazetteer: entry,
      rule: 'gazetteer',
      confidence: 0.95,
    }));
  }
  // A name the rules or the tagger found and no list knows: one entity per written name (an
  // institution per key, so that "Azerbaijan's MFA" and "Azerbaijani MFA" are one).
  const detected = DETECTED[mention.type];
  if (!detected) return undefined;
  const key = `${detected.prefix}:${slug(mention.type === 'institution' ? (mention.key ?? mention.text) : mention.text)}`;
  return table.ensure(key, () => ({
    key,
    label: detected.label,
    kind: mention.type === 'institution' ? (mention.entry?.kind ?? 'other') : mention.type,
    name: mention.text,
    rule: mention.rule,
    confidence: mention.confidence,
  }));
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
    const names = [entity.name, ...entity.forms.keys(), ...(entity.gazetteer?.forms ?? [])];
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
    private resolved: ResolvedMention[][],
  ) {}

  of(doc: number): Map<string, Set<string>> {
    let index = this.byDocument.get(doc);
    if (!index) {
      const keys = new Set(this.resolved[doc].map((m) => m.entityKey));
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
function firstNameIndex(table: EntityTable, mentions: ResolvedMention[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const key of new Set(mentions.map((m) => m.entityKey))) {
    const entity = table.get(key);
    if (!entity || entity.kind !== 'person' || entity.name.split(/\s+/).length < 2) continue;
    const first = entity.name.split(/\s+/)[0];
    index.set(first, new Set([...(index.get(first) ?? []), key]));
  }
  return index;
}

export function resolveEntities(
  documents: Array<{ mentions: Mention[]; authors: string[] }>,
  gazetteer: Gazetteer,
): ResolvedCorpus {
  const table = new EntityTable();
  const resolved: ResolvedMention[][] = documents.map(() => []);
  const pendingSurnames: Array<{ doc: number; mention: Mention }> = [];

  // 1. Full names and gazetteer forms.
  documents.forEach((document, doc) => {
    for (const mention of document.mentions) {
      const entity = entityForMention(table, mention);
      if (!entity) {
        if (mention.type === 'surname') pendingSurnames.push({ doc, mention });
        continue;
      }
      // A person whose only cue is its shape stays unless it is confirmed elsewhere (below).
      table.addForm(entity, mention.text);
      if (mention.title) table.addForm(entity, titled(mention), false);
      resolved[doc].push({ ...mention, entityKey: entity.key });
    }
    for (const author of document.authors) {
      const entry = gazetteer.byForm.get(author);
      const key = entry?.type === 'person' ? keyOfGazetteer(entry) : `p:${slug(author)}`;
      const entity = table.ensure(key, () => ({
        key,
        label: 'Actor',
        kind: 'person',
        name: author,
        rule: 'byline',
        confidence: 0.95,
        ...(entry ? { gazetteer: entry } : {}),
      }));
      table.addForm(entity, author);
    }
  });

  // 2. Surnames: the person of that surname in the same document, else anywhere in the corpus.
  const corpusIndex = surnameIndex(table, table.entities.keys());
  const localSurnames = new LocalSurnames(table, resolved);
  for (const { doc, mention } of pendingSurnames) {
    const local = localSurnames.of(doc);
    // "Qiao" for "Qiao Wenbin": where no full name ends with the word, one may start with it
    // (names written family name first).
    const candidates =
      local.get(mention.text) ??
      corpusIndex.get(mention.text) ??
      (mention.ner === 'person' ? firstNameIndex(table, resolved[doc]).get(mention.text) : undefined);
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
    resolved[doc].push({ ...mention, type: 'person', entityKey: key });
    localSurnames.touched(doc, key);
  }

  // 3. People found only by the shape of their name need a second sign (a cue, or the surname
  //    used alone elsewhere); otherwise "Helsinki Final" would be a person.
  const confirmed = new Set<string>();
  resolved.forEach((mentions) =>
    mentions.forEach((mention) => {
      if (mention.rule !== 'person:shape' || mention.type === 'surname') confirmed.add(mention.entityKey);
    }),
  );
  for (const [key, entity] of table.entities) {
    if (entity.rule === 'person:shape' && !confirmed.has(key)) table.entities.delete(key);
    else if (entity.rule === 'person:shape') {
      entity.rule = 'person:surname-confirmed';
      entity.confidence = 0.7;
    }
  }
  const mentions = resolved.map((list) =>
    list.filter((mention) => table.entities.has(mention.entityKey)).sort((a, b) => a.start - b.start),
  );

  // 4. Display names: the fullest form the articles write for people; the gazetteer's otherwise.
  for (const entity of table.entities.values()) {
    if (entity.kind !== 'person') continue;
    const full = [...entity.plain.keys()].sort(
      (a, b) => b.split(' ').length - a.split(' ').length || (entity.plain.get(b) ?? 0) - (entity.plain.get(a) ?? 0),
    )[0];
    if (full && full.split(' ').length >= entity.name.split(' ').length) entity.name = full;
  }
  return { entities: table.entities, mentions };
}
