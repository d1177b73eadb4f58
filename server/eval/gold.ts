/** Gold annotation files (shared/gold/FORMAT.md), validated. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const Role = z.object({ title: z.string(), of: z.string().nullable() });
const Person = z.object({
  name: z.string(),
  mentions: z.array(z.string()).default([]),
  roles: z.array(Role).default([]),
});
const Named = z.object({ name: z.string(), mentions: z.array(z.string()).default([]) });
const Statement = z.object({
  speaker: z.string().nullable(),
  kind: z.string(),
  text: z.string(),
  date: z.string().nullable().optional(),
});
const Relation = z.object({
  source: z.string(),
  type: z.string(),
  target: z.string(),
  date: z.string().nullable().optional(),
  evidence: z.string().optional(),
});

export const GoldFile = z.object({
  document: z.string(),
  people: z.array(Person).default([]),
  states: z.array(Named).default([]),
  institutions: z.array(Named).default([]),
  statements: z.array(Statement).default([]),
  relations: z.array(Relation).default([]),
  /** What a reader could argue about: free notes ({"note": …}), never scored either way. */
  uncertain: z.array(z.unknown()).default([]),
});

export type Gold = z.infer<typeof GoldFile>;

export async function loadGold(dir: string): Promise<Gold[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const gold: Gold[] = [];
  for (const file of files) {
    const parsed = GoldFile.safeParse(JSON.parse(await readFile(join(dir, file), 'utf8')));
    if (!parsed.success)
      throw new Error(
        `Invalid gold file ${file}: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`,
      );
    gold.push(parsed.data);
  }
  return gold;
}

/** The uncertain entries of a gold file as plain text notes. */
export function uncertainNotes(gold: Gold): string[] {
  return gold.uncertain.map((item) => {
    if (typeof item === 'string') return item;
    if (item && typeof item === 'object') return Object.values(item).map(String).join(' ');
    return String(item);
  });
}
