/**
 * The corpus-wide entity table as the extraction rules ask it: an entity's kind, the roles the
 * gazetteer gives a person, the entity of a gazetteer name, the people a byline names. One per
 * assembler, shared by every document it assembles.
 */
import type { Gazetteer } from '../gazetteer.js';
import type { SourceDocument } from '../read/types.js';
import { makeEntity, type Entity } from '../resolve/entities.js';

export class CorpusEntities {
  /** Bylines' people by written form, built on first use. */
  private bylines: Map<string, Entity> | null = null;

  constructor(
    readonly table: Map<string, Entity>,
    private readonly gazetteer: Gazetteer,
  ) {}

  get(key: string): Entity | undefined {
    return this.table.get(key);
  }

  /** person | state | group | institution | place; undefined for a key the table does not hold. */
  kindOf(key: string): string | undefined {
    const entity = this.table.get(key);
    if (!entity) return undefined;
    return entity.label === 'Institution' ? 'institution' : entity.label === 'Place' ? 'place' : entity.kind;
  }

  /** The roles the gazetteer gives a person ("Foreign Minister" of "Azerbaijan"). */
  gazetteerRoles(key: string): Array<{ title: string; of: string }> {
    return this.table.get(key)?.gazetteer?.roles ?? [];
  }

  /**
   * The key of the gazetteer entry of this name (the state or institution a known role is "of").
   * When no document mentions it, the entity joins the table here, so that the role has a target.
   */
  gazetteerKeyByName(name: string): string | undefined {
    const entry = this.gazetteer.byName.get(name);
    if (!entry) return undefined;
    const key = `g:${entry.name}`;
    if (!this.table.has(key)) {
      const entity = makeEntity({
        key,
        label: entry.type === 'institution' ? 'Institution' : 'Actor',
        kind: entry.type === 'institution' ? entry.kind : entry.type,
        name: entry.name,
        gazetteer: entry,
        rule: 'gazetteer:role',
        confidence: 0.8,
      });
      this.table.set(entity.key, entity);
    }
    return key;
  }

  /** The people of the corpus whom this document's byline names. */
  authorsOf(document: SourceDocument): Entity[] {
    // Indexed once: a scan of every entity per document grew with the corpus.
    this.bylines ??= peopleByForm(this.table);
    const bylines = this.bylines;
    return document.authors.flatMap((author) => bylines.get(author) ?? []);
  }
}

/**
 * The first person (in the table's order) written in each form. Built once the table is complete:
 * entities added while assembling (a role's state) come without forms, so the index stays right.
 */
function peopleByForm(table: Map<string, Entity>): Map<string, Entity> {
  const byForm = new Map<string, Entity>();
  for (const entity of table.values()) {
    if (entity.kind !== 'person') continue;
    for (const form of entity.forms) if (!byForm.has(form)) byForm.set(form, entity);
  }
  return byForm;
}
