/**
 * The curated gazetteer (data/gazetteer.yaml): well-known states, institutions, people and places
 * with their variants. Validated with zod; indexed by every written form for lookup.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { INSTITUTION_KINDS } from '../domain/graph.js';
import { PACKAGE_ROOT } from '../package-root.js';

const Role = z.object({ title: z.string().min(1), of: z.string().min(1) });
const State = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  capitals: z.array(z.string()).default([]),
  adjectives: z.array(z.string()).default([]),
});
const Institution = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  kind: z.enum(INSTITUTION_KINDS),
});
const Person = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  roles: z.array(Role).default([]),
});
const Place = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  kind: z.string().default('region'),
});
const GazetteerFile = z.object({
  states: z.array(State).default([]),
  institutions: z.array(Institution).default([]),
  people: z.array(Person).default([]),
  places: z.array(Place).default([]),
});

export type EntityType = 'person' | 'state' | 'institution' | 'place';

export interface GazetteerEntry {
  type: EntityType;
  name: string;
  /** Institution kind, place kind; 'person' / 'state' for actors. */
  kind: string;
  /** Forms that name the entity (name, aliases, capitals). */
  forms: string[];
  adjectives: string[];
  /** For states: the capitals among `forms` (a capital is the government, or just the city). */
  capitals?: string[];
  roles: Array<{ title: string; of: string }>;
}

export interface Gazetteer {
  entries: GazetteerEntry[];
  /** Exact written form -> entry (forms are matched case-sensitively, apostrophes normalised). */
  byForm: Map<string, GazetteerEntry>;
  /** Adjective (Azerbaijani, U.S.) -> state. */
  byAdjective: Map<string, GazetteerEntry>;
  byName: Map<string, GazetteerEntry>;
}

export function normalizeForm(text: string): string {
  // Most words have nothing to normalise: called for every word of every document, this is faster.
  if (!/[’‘`\s]/.test(text)) return text;
  return text.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Nouns news often writes in lower case at the end of a body's name: "the OSCE Minsk group". */
const LOWER_CASE_HEAD = /\s(Group|Council|Commission|Committee|Assembly|Court|Bank|Fund|Parliament|Mission)$/;

function lowerCaseHeads(entry: GazetteerEntry): string[] {
  if (entry.type !== 'institution') return [];
  return entry.forms
    .filter((form) => LOWER_CASE_HEAD.test(form))
    .map((form) => form.replace(LOWER_CASE_HEAD, (_, head: string) => ` ${head.toLowerCase()}`));
}

export function buildGazetteer(data: z.input<typeof GazetteerFile>): Gazetteer {
  const file = GazetteerFile.parse(data);
  const entries: GazetteerEntry[] = [
    ...file.states.map((s) => ({
      type: 'state' as const,
      name: s.name,
      kind: 'state',
      forms: [s.name, ...s.aliases, ...s.capitals],
      adjectives: s.adjectives,
      capitals: s.capitals,
      roles: [],
    })),
    ...file.institutions.map((i) => ({
      type: 'institution' as const,
      name: i.name,
      kind: i.kind,
      forms: [i.name, ...i.aliases],
      adjectives: [],
      roles: [],
    })),
    ...file.people.map((p) => ({
      type: 'person' as const,
      name: p.name,
      kind: 'person',
      forms: [p.name, ...p.aliases],
      adjectives: [],
      roles: p.roles,
    })),
    ...file.places.map((p) => ({
      type: 'place' as const,
      name: p.name,
      kind: p.kind,
      forms: [p.name, ...p.aliases],
      adjectives: [],
      roles: [],
    })),
  ];
  const byForm = new Map<string, GazetteerEntry>();
  const byAdjective = new Map<string, GazetteerEntry>();
  const byName = new Map<string, GazetteerEntry>();
  for (const entry of entries) {
    byName.set(entry.name, entry);
    for (const form of [...entry.forms, ...lowerCaseHeads(entry)])
      if (!byForm.has(normalizeForm(form))) byForm.set(normalizeForm(form), entry);
    for (const adjective of entry.adjectives) byAdjective.set(normalizeForm(adjective), entry);
  }
  return { entries, byForm, byAdjective, byName };
}

const DEFAULT_PATH = join(PACKAGE_ROOT, 'data', 'gazetteer.yaml');

/** A gazetteer that knows nothing: the importer still finds names by their shape and context. */
export function emptyGazetteer(): Gazetteer {
  return buildGazetteer({});
}

export async function loadGazetteer(path: string = DEFAULT_PATH): Promise<Gazetteer> {
  const text = await readFile(path, 'utf8');
  try {
    return buildGazetteer(parse(text) as z.input<typeof GazetteerFile>);
  } catch (error) {
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      throw new Error(`Invalid gazetteer ${path}: ${issue.path.join('.')}: ${issue.message}`);
    }
    throw new Error(`Invalid gazetteer ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
