/** Query parameters typed as a JSON object: parsed with a message a person can act on. */

export type ParamsResult = { ok: true; params: Record<string, unknown> } | { ok: false; message: string };

export function parseParams(text: string): ParamsResult {
  if (text.trim() === '') return { ok: true, params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Parameters are not valid JSON: ${detail}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: 'Parameters must be a JSON object, e.g. {"name": "Ilham Aliyev"}' };
  return { ok: true, params: value as Record<string, unknown> };
}

export function formatParams(params: Record<string, unknown>): string {
  return Object.keys(params).length === 0 ? '' : JSON.stringify(params, null, 2);
}

/**
 * The parameters the query refers to (`$name`): Kuzu rejects a parameter the query does not use,
 * and parameters left over from an earlier query should not make the next one fail.
 */
export function paramsUsedBy(query: string, params: Record<string, unknown>): Record<string, unknown> {
  const used = new Set([...query.matchAll(/\$([A-Za-z_][\w]*)/g)].map((match) => match[1]));
  return Object.fromEntries(Object.entries(params).filter(([key]) => used.has(key)));
}
