/**
 * A condition on a property, as style rules and attribute filters state it: "confidence at least
 * 0.8", "kind is quote". Plain values; evaluated by graph/conditions.ts.
 */
export const CONDITION_OPS = ['equals', 'notEquals', 'contains', 'atLeast', 'atMost'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export interface Condition {
  key: string;
  op: ConditionOp;
  value: string;
}

export const OP_NAMES: Record<ConditionOp, string> = {
  equals: 'is',
  notEquals: 'is not',
  contains: 'contains',
  atLeast: '≥',
  atMost: '≤',
};

/** A condition read from a link: null unless every field has the right shape. */
export function decodeCondition(raw: Record<string, unknown>): Condition | null {
  const op = CONDITION_OPS.find((o) => o === raw.op);
  const { key, value } = raw;
  if (!op || typeof key !== 'string' || typeof value !== 'string' || key.length > 200 || value.length > 200)
    return null;
  return { key, op, value };
}
