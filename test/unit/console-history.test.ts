/** The console's history and saved queries: newest first, no duplicates, capped; bad storage ignored. */
import { describe, expect, it } from 'vitest';
import {
  parseStored,
  pushHistory,
  removeSaved,
  upsertSaved,
  type HistoryEntry,
  type SavedQuery,
} from '../../client/ui/console/history.js';
import { paramsUsedBy, parseParams } from '../../client/ui/console/params.js';

const entry = (query: string, params: Record<string, unknown> = {}, ranAt = '2026-01-01T00:00:00Z'): HistoryEntry => ({
  query,
  params,
  ranAt,
});

describe('the query history', () => {
  it('puts the latest query first and keeps one copy of a query run twice', () => {
    let history: HistoryEntry[] = [];
    history = pushHistory(history, entry('MATCH (a) RETURN a'));
    history = pushHistory(history, entry('MATCH (b) RETURN b'));
    history = pushHistory(history, entry('  MATCH (a) RETURN a\n', {}, '2026-01-02T00:00:00Z'));
    expect(history.map((item) => item.query)).toEqual(['MATCH (a) RETURN a', 'MATCH (b) RETURN b']);
    expect(history[0].ranAt).toBe('2026-01-02T00:00:00Z');
  });

  it('keeps the same query with different parameters as two entries', () => {
    let history: HistoryEntry[] = [];
    history = pushHistory(history, entry('MATCH (a {name: $n}) RETURN a', { n: 'A' }));
    history = pushHistory(history, entry('MATCH (a {name: $n}) RETURN a', { n: 'B' }));
    expect(history).toHaveLength(2);
  });

  it('is capped, dropping the oldest', () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < 130; i++) history = pushHistory(history, entry(`RETURN ${i}`));
    expect(history).toHaveLength(100);
    expect(history[0].query).toBe('RETURN 129');
    expect(history[99].query).toBe('RETURN 30');
    expect(pushHistory(history, entry('RETURN x'), 3)).toHaveLength(3);
  });

  it('reads back what it stored and ignores malformed storage', () => {
    const stored = JSON.stringify([entry('RETURN 1'), { query: 5 }, 'junk', { query: 'RETURN 2', params: [] }]);
    expect(parseStored<HistoryEntry>(stored, ['ranAt']).map((item) => item.query)).toEqual(['RETURN 1']);
    expect(parseStored<HistoryEntry>('{not json', ['ranAt'])).toEqual([]);
    expect(parseStored<HistoryEntry>('{"a": 1}', ['ranAt'])).toEqual([]);
    expect(parseStored<HistoryEntry>(null, ['ranAt'])).toEqual([]);
  });
});

describe('saved queries', () => {
  it('are kept by name: saving under the same name replaces, delete removes', () => {
    let saved: SavedQuery[] = [];
    saved = upsertSaved(saved, { name: 'roles', query: 'MATCH (a)-[:HOLDS_ROLE]->(b) RETURN a', params: {} });
    saved = upsertSaved(saved, { name: 'all', query: 'MATCH (n) RETURN n', params: {} });
    saved = upsertSaved(saved, { name: ' roles ', query: 'MATCH (a)-[r:HOLDS_ROLE]->(b) RETURN r', params: {} });
    expect(saved.map((item) => item.name)).toEqual(['all', 'roles']);
    expect(saved[1].query).toContain('RETURN r');
    expect(removeSaved(saved, 'all').map((item) => item.name)).toEqual(['roles']);
  });
});

describe('query parameters', () => {
  it('are a JSON object, empty text meaning none', () => {
    expect(parseParams('')).toEqual({ ok: true, params: {} });
    expect(parseParams('{"name": "Ilham Aliyev"}')).toEqual({ ok: true, params: { name: 'Ilham Aliyev' } });
  });

  it('give a clear message when they are not', () => {
    const broken = parseParams('{"name": ');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/not valid JSON/);
    const array = parseParams('[1, 2]');
    expect(!array.ok && array.message).toMatch(/must be a JSON object/);
  });
});

describe('the parameters sent with a query', () => {
  it('are those the query refers to (Kuzu rejects the others)', () => {
    const params = { name: 'Ilham Aliyev', from: '2021-01-01', names: ['a'] };
    expect(paramsUsedBy('MATCH (a) WHERE a.name = $name RETURN a', params)).toEqual({ name: 'Ilham Aliyev' });
    expect(paramsUsedBy('MATCH (a) RETURN a', params)).toEqual({});
    expect(paramsUsedBy('MATCH (a) WHERE a.name IN $names RETURN a', params)).toEqual({ names: ['a'] });
  });
});
