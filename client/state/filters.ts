/**
 * Filter state: what the canvas shows of the nodes and relationships loaded on it. Hidden labels
 * and relationship types, one article, a date range over statements and relations, a minimum
 * degree. Plain values (they go into links and saved views); the graph is never changed by them.
 */
import type { Condition } from './conditions.js';
import { Observable } from './observable.js';

/**
 * A filter on any attribute (as Gephi Lite's): the nodes of one label (or the relationships of one
 * type; '' for all) that fail the condition are hidden; the others are not tested.
 */
export interface AttributeFilter {
  target: 'node' | 'edge';
  label: string;
  when: Condition;
}

export interface FilterState {
  hiddenLabels: readonly string[];
  hiddenRelTypes: readonly string[];
  /** Only what this article mentions or reports (and the article itself). */
  documentId: string | null;
  /** Inclusive ISO dates (YYYY-MM-DD); statements and relations outside are hidden. */
  dateFrom: string | null;
  dateTo: string | null;
  minDegree: number;
  /** All must hold (with the filters above). */
  attributes: readonly AttributeFilter[];
}

/**
 * The canvas starts with the relationships people read (who said what about whom, roles,
 * interactions). Mentions are available in the Filters tab but off: dozens of MENTIONED_IN edges
 * converge on a few articles and make a hairball that says only "named in the same text".
 */
export const MENTIONS_OFF: readonly string[] = ['MENTIONED_IN'];

export const DEFAULT_FILTERS: FilterState = {
  hiddenLabels: [],
  hiddenRelTypes: MENTIONS_OFF,
  documentId: null,
  dateFrom: null,
  dateTo: null,
  minDegree: 0,
  attributes: [],
};

function toggled(list: readonly string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item].sort();
}

export class Filters extends Observable<FilterState> {
  constructor() {
    super(DEFAULT_FILTERS);
  }

  isLabelHidden(label: string): boolean {
    return this.current.hiddenLabels.includes(label);
  }

  toggleLabel(label: string): void {
    this.set({ hiddenLabels: toggled(this.current.hiddenLabels, label) });
  }

  toggleRelType(type: string): void {
    this.set({ hiddenRelTypes: toggled(this.current.hiddenRelTypes, type) });
  }

  get active(): boolean {
    const f = this.current;
    return (
      f.hiddenLabels.length > 0 ||
      f.hiddenRelTypes.length > 0 ||
      f.documentId !== null ||
      f.dateFrom !== null ||
      f.dateTo !== null ||
      f.minDegree > 0 ||
      f.attributes.length > 0
    );
  }

  reset(): void {
    this.set(DEFAULT_FILTERS);
  }
}
