/**
 * Style rules, apart from the data (as Neo4j Bloom's rule-based styling and Browser's style panel):
 * per node label, or per value of one of its properties, a colour and a size; and per label, which
 * property is the caption. Plain, serialisable values (they go into links and saved views); a
 * rule read from a link is checked field by field (`decodeStyle`). No DOM here.
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

export interface StyleState {
  /** In order: a later rule that matches wins over an earlier one for what it sets. */
  rules: readonly StyleRule[];
  /** Per node label, the property shown as its caption (absent: the API's caption). */
  captions: Readonly<Record<string, string>>;
}

export const DEFAULT_STYLE: StyleState = { rules: [], captions: {} };

export const SIZE_FACTORS = [0.5, 0.75, 1.5, 2, 3] as const;
const MAX_RULES = 50;

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
const HEX = /^#[0-9a-fA-F]{6}$/;

function decodeRule(raw: unknown): StyleRule | null {
  if (!isRecord(raw)) return null;
  const label = shortString(raw.label);
  const when = isRecord(raw.when) ? decodeCondition(raw.when) : null;
  if (label === null || (raw.when !== null && when === null)) return null;
  const color = typeof raw.color === 'string' && HEX.test(raw.color) ? raw.color : null;
  const size = SIZE_FACTORS.find((f) => f === raw.size) ?? null;
  if (color === null && size === null) return null;
  return { label, when, color, size };
}

/** Style from a link or saved view: untrusted, so every field is checked; what is wrong is dropped. */
export function decodeStyle(raw: unknown): StyleState {
  if (!isRecord(raw)) return DEFAULT_STYLE;
  const rules = (Array.isArray(raw.rules) ? raw.rules : []).slice(0, MAX_RULES).flatMap((r) => {
    const rule = decodeRule(r);
    return rule ? [rule] : [];
  });
  const captions: Record<string, string> = {};
  if (isRecord(raw.captions)) {
    for (const [label, key] of Object.entries(raw.captions).slice(0, 50)) {
      const property = shortString(key);
      if (property) captions[label.slice(0, 200)] = property;
    }
  }
  return { rules, captions };
}
