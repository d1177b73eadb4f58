/**
 * Style rules, apart from the data (as Neo4j Bloom's rule-based styling and Browser's style panel):
 * per node label, or per value of one of its properties, a colour and a size; per label, which
 * property is the caption; and per relationship type (as Bloom and Gephi Lite), a colour and a
 * width, the width optionally scaled by a numeric property. Plain, serialisable values (they go
 * into links and saved views); what is read from a link is checked field by field (`decodeStyle`).
 * No DOM here.
 */
import { decodeCondition, type Condition } from './conditions.js';
import { Observable } from './observable.js';

export interface StyleRule {
  /** The node label the rule applies to; '' for every label. */
  label: string;
  /** The property condition, or null for every node of the label. */
  when: Condition | null;
  /** '#rrggbb', or null to keep the colour. */
  color: string | null;
  /** A factor on the node's size (0.5 … 3), or null to keep it. */
  size: number | null;
}

/** How the relationships of one type are drawn. */
export interface RelationshipStyle {
  /** '#rrggbb', or null to keep the theme's colour. */
  color: string | null;
  /** A width in pixels (one of EDGE_WIDTHS), or null to keep it. */
  width: number | null;
  /**
   * A numeric property: each relationship's width goes from 1 (the type's least value on the
   * canvas) to `width` (its greatest; MAX_EDGE_WIDTH when no width is set). Null: one width.
   */
  widthBy: string | null;
}

export interface StyleState {
  /** In order: a later rule that matches wins over an earlier one for what it sets. */
  rules: readonly StyleRule[];
  /** Per node label, the property shown as its caption (absent: the API's caption). */
  captions: Readonly<Record<string, string>>;
  /** Per relationship type (absent in links made before relationships could be styled, and when none is). */
  relationships?: Readonly<Record<string, RelationshipStyle>>;
}

export const DEFAULT_STYLE: StyleState = { rules: [], captions: {} };

export const SIZE_FACTORS = [0.5, 0.75, 1.5, 2, 3] as const;
export const EDGE_WIDTHS = [1, 2, 3, 4, 6, 8] as const;
export const MAX_EDGE_WIDTH = 8;
const MAX_RULES = 50;
/** More relationship types than the schema has: a link claiming more is not ours. */
const MAX_STYLED_TYPES = 50;
/** A relationship type or property name as the schema spells them ('__proto__' would reach the prototype). */
const isName = (v: unknown): v is string =>
  typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(v) && v !== '__proto__';

export class StyleRules extends Observable<StyleState> {
  constructor() {
    super(DEFAULT_STYLE);
  }

  add(rule: StyleRule): void {
    this.set({ rules: [...this.current.rules, rule].slice(-MAX_RULES) });
  }

  remove(index: number): void {
    this.set({ rules: this.current.rules.filter((_rule, i) => i !== index) });
  }

  /** Replaces the whole style (a link or saved view opened): what it does not set goes back to the default. */
  load(style: StyleState): void {
    this.set({ relationships: undefined, ...style });
  }

  /** Sets how one relationship type is drawn; a style that sets nothing removes the type's. */
  setRelationshipStyle(type: string, style: RelationshipStyle): void {
    const relationships = { ...this.current.relationships };
    if (style.color === null && style.width === null && style.widthBy === null) delete relationships[type];
    else relationships[type] = style;
    this.set({ relationships: Object.keys(relationships).length > 0 ? relationships : undefined });
  }

  /** `key` '' goes back to the API's caption. */
  setCaption(label: string, key: string): void {
    const captions = { ...this.current.captions };
    if (key === '') delete captions[label];
    else captions[label] = key;
    this.set({ captions });
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shortString = (v: unknown, max = 200): string | null => (typeof v === 'string' && v.length <= max ? v : null);
/** A colour as `#rrggbb`, or null for anything else. */
export const hexColor = (v: unknown): string | null =>
  typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v) ? v : null;

function decodeRule(raw: unknown): StyleRule | null {
  if (!isRecord(raw)) return null;
  const label = shortString(raw.label);
  const when = isRecord(raw.when) ? decodeCondition(raw.when) : null;
  if (label === null || (raw.when !== null && when === null)) return null;
  const color = hexColor(raw.color);
  const size = SIZE_FACTORS.find((f) => f === raw.size) ?? null;
  if (color === null && size === null) return null;
  return { label, when, color, size };
}

/** One type's relationship style, or why it is not one. */
function decodeRelationshipStyle(raw: unknown): RelationshipStyle | string {
  if (!isRecord(raw)) return 'not a style';
  const given = (value: unknown) => value !== null && value !== undefined;
  const color = hexColor(raw.color);
  if (given(raw.color) && color === null) return 'its colour is not #rrggbb';
  const width = EDGE_WIDTHS.find((w) => w === raw.width) ?? null;
  if (given(raw.width) && width === null) return `its width is not one of ${EDGE_WIDTHS.join(', ')}`;
  const widthBy = isName(raw.widthBy) ? raw.widthBy : null;
  if (given(raw.widthBy) && widthBy === null) return 'its width property is not a property name';
  if (color === null && width === null && widthBy === null) return 'it sets nothing';
  return { color, width, widthBy };
}

/** The relationship styles of a link; each one that is wrong is left out, and `notes` says which and why. */
function decodeRelationships(raw: unknown, notes: string[]): Record<string, RelationshipStyle> {
  const styles: Record<string, RelationshipStyle> = {};
  if (!isRecord(raw)) {
    notes.push('the relationship styles were not readable');
    return styles;
  }
  const entries = Object.entries(raw);
  if (entries.length > MAX_STYLED_TYPES) notes.push(`only the first ${MAX_STYLED_TYPES} relationship styles were read`);
  for (const [type, value] of entries.slice(0, MAX_STYLED_TYPES)) {
    const shown = JSON.stringify(type.slice(0, 40));
    const style = isName(type) ? decodeRelationshipStyle(value) : 'its type is not a relationship type';
    if (typeof style === 'string') notes.push(`the style of relationship ${shown} was ignored: ${style}`);
    else styles[type] = style;
  }
  return styles;
}

/**
 * Style from a link or saved view: untrusted, so every field is checked; what is wrong is dropped,
 * and for relationship styles (and dropped rules) a line in `notes` says so.
 */
export function decodeStyle(raw: unknown, notes: string[] = []): StyleState {
  if (!isRecord(raw)) return DEFAULT_STYLE;
  const given = (Array.isArray(raw.rules) ? raw.rules : []).slice(0, MAX_RULES);
  const rules = given.flatMap((r) => {
    const rule = decodeRule(r);
    return rule ? [rule] : [];
  });
  if (rules.length < given.length)
    notes.push(`${given.length - rules.length} style rule(s) were not valid and were ignored`);
  const captions: Record<string, string> = {};
  if (isRecord(raw.captions)) {
    for (const [label, key] of Object.entries(raw.captions).slice(0, 50)) {
      const property = shortString(key);
      if (property) captions[label.slice(0, 200)] = property;
    }
  }
  const relationships = raw.relationships === undefined ? {} : decodeRelationships(raw.relationships, notes);
  return { rules, captions, ...(Object.keys(relationships).length > 0 ? { relationships } : {}) };
}
