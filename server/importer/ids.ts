/**
 * Every id the importer makes, in one place: ids are derived from content so that importing the
 * same articles again merges into the same nodes and edges (DESIGN.md: "every node has a stable
 * id"). Node ids carry their label's prefix (NODE_ID_PREFIX), edge ids their type and endpoints:
 * `TYPE:sourceId->targetId[:qualifier]` (server/domain/node-ids.ts reads them back).
 */
import { NODE_ID_PREFIX } from '../domain/node-ids.js';
import type { NodeLabel, RelType } from '../domain/graph.js';
import { hash } from './assemble/hash.js';

/**
 * Latin letters that Unicode does not decompose into a base letter and a mark, folded as their
 * base letters are written in English text ("Wałęsa" -> "walesa", "Søren" -> "soren").
 */
const LATIN_FOLDS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ŧ: 't',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};
const LATIN_FOLD_PATTERN = new RegExp(`[${Object.keys(LATIN_FOLDS).join('')}]`, 'g');

/**
 * The one slug formula for ids and entity keys: lower case, diacritics of Latin letters folded
 * ("António Guterres" -> "antonio-guterres"), apostrophes dropped ("Côte d'Ivoire" ->
 * "cote-divoire"), any other run of non-letters and non-digits one hyphen. Letters of other
 * scripts are kept as they are written (with their marks: in Devanagari or Arabic a mark is part of
 * the word), so "Владимир Путин" gives "владимир-путин" and not an empty slug. A text without a
 * letter or digit gives "".
 */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(LATIN_FOLD_PATTERN, (letter) => LATIN_FOLDS[letter])
    .replace(/['’ʼʻ`´]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/** An actor's, institution's or place's id: its label's prefix and the slug of its name. */
export function entityId(label: Exclude<NodeLabel, 'Document' | 'Statement'>, name: string): string {
  return `${NODE_ID_PREFIX[label]}:${slug(name)}`;
}

/** A document's id: the hash of its text (NFC, so that the same words typed either way are one document). */
export function documentId(text: string): string {
  return `${NODE_ID_PREFIX.Document}:${hash(text.normalize('NFC'))}`;
}

/** A statement's id: the hash of its normalised words (statementKey) and its speaker's id. */
export function statementId(normalisedText: string, speakerId: string | undefined): string {
  return `${NODE_ID_PREFIX.Statement}:${hash(normalisedText + (speakerId ?? ''))}`;
}

/**
 * An edge's id. The qualifier tells apart two edges of one type between the same nodes: a role's
 * title ("HOLDS_ROLE:actor:x->actor:y:foreign-minister", slugged here) or a relation's role.
 */
export function edgeId(type: RelType, sourceId: string, targetId: string, qualifier?: string): string {
  return `${type}:${sourceId}->${targetId}${qualifier ? `:${qualifier}` : ''}`;
}

/** A role title as an edge id's qualifier ("Foreign Minister" -> "foreign-minister"). */
export function titleQualifier(title: string): string {
  return slug(title);
}

/**
 * The id an edge gets when its endpoints change (a curation merge): the same type and qualifier
 * between the new endpoints. An id that does not follow the pattern (written by hand) is kept.
 */
export function reattachedEdgeId(
  edge: { id: string; type: RelType; source: string; target: string },
  sourceId: string,
  targetId: string,
): string {
  const prefix = edgeId(edge.type, edge.source, edge.target);
  if (!edge.id.startsWith(prefix)) return edge.id;
  const rest = edge.id.slice(prefix.length);
  return `${edgeId(edge.type, sourceId, targetId)}${rest}`;
}
