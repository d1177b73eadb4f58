/**
 * The curation file (data/curation.yaml): analysts' corrections, applied on every import so they
 * survive re-imports. Validated with zod; an error names the line it is on.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { ACTOR_KINDS, INSTITUTION_KINDS, REL_TYPES } from '../../domain/graph.js';

const Name = z.string().trim().min(1);

const Merge = z.object({ merge: z.array(Name).min(2), into: Name.optional(), note: z.string().optional() }).strict();
const Rename = z.object({ rename: Name, to: Name, note: z.string().optional() }).strict();
const SetKind = z
  .object({
    set_kind: Name,
    kind: z.enum([...ACTOR_KINDS, ...INSTITUTION_KINDS]),
    note: z.string().optional(),
  })
  .strict();
const Fact = z
  .object({
    source: Name,
    type: z.enum(REL_TYPES),
    target: Name,
    title: z.string().optional(),
    role: z.string().optional(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}){0,2}$/)
      .optional(),
  })
  .strict();
const Remove = z
  .object({ remove: Fact.partial({ type: true }).or(z.object({ entity: Name }).strict()), note: z.string().optional() })
  .strict();
const Add = z.object({ add: Fact, note: z.string().min(1, 'say why the fact is added') }).strict();

export const Correction = z.union([Merge, Rename, SetKind, Remove, Add]);
export type Correction = z.infer<typeof Correction>;

const CurationFile = z.object({ corrections: z.array(z.unknown()).default([]) }).strict();

const BY_KEY: Array<[string, z.ZodType<Correction>]> = [
  ['merge', Merge],
  ['rename', Rename],
  ['set_kind', SetKind],
  ['remove', Remove],
  ['add', Add],
];

export class CurationError extends Error {}

export function parseCuration(text: string, fileName = 'curation.yaml'): Correction[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    throw new CurationError(`${fileName}:${error.linePos?.[0]?.line ?? '?'}: ${error.message.split('\n')[0]}`);
  }
  const fail = (path: Array<string | number>, message: string): never => {
    // The line of the deepest node the path reaches.
    let line: number | undefined;
    for (let depth = path.length; depth > 0 && line === undefined; depth--) {
      const node = document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) line = lineCounter.linePos(node.range[0]).line;
    }
    throw new CurationError(`${fileName}:${line ?? 1}: ${path.length > 0 ? `${path.join('.')}: ` : ''}${message}`);
  };
  const file = CurationFile.safeParse(document.toJS() ?? {});
  if (!file.success) return fail(file.error.issues[0].path as Array<string | number>, file.error.issues[0].message);
  // Each correction is checked against the schema its key names, so the message is specific.
  return file.data.corrections.map((item, index) => {
    const key = item && typeof item === 'object' ? BY_KEY.find(([name]) => name in item) : undefined;
    if (!key) return fail(['corrections', index], 'not a known correction (merge, rename, set_kind, remove, add)');
    const parsed = key[1].safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(['corrections', index, ...(issue.path as Array<string | number>)], issue.message);
    }
    return parsed.data;
  });
}

export async function loadCuration(path: string): Promise<Correction[]> {
  if (!existsSync(path)) return [];
  return parseCuration(await readFile(path, 'utf8'), path);
}
