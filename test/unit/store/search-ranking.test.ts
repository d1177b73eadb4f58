/**
 * How search ranks names, shared by both stores: an exact name or alias first, then a word that
 * starts with the text, then a spelling variant (Aliev for Aliyev), then a name that only holds
 * the text; full-text hits below every name match.
 */
import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../server/domain/graph.js';
import { searchTextOf, spellingKey } from '../../../server/domain/search-text.js';
import { fullTextScore, nameMatchScore, SearchHits, TEXT_MATCH_SCORE } from '../../../server/store/search-hits.js';

function actor(id: string, name: string, aliases: string[] = []): GraphNode {
  return { id, label: 'Actor', properties: { name, aliases, searchText: searchTextOf(name, aliases) } };
}

const unitedStates = actor('place:us', 'United States', ['US', 'USA']);
const usaid = actor('inst:usaid', 'USAID');
const russia = actor('actor:russia', 'Russia');
const aliyev = actor('actor:aliyev', 'Ilham Aliyev', ['Aliyev']);

describe('spelling keys', () => {
  it('fold common transliteration variants of a name onto one key', () => {
    expect(spellingKey('Aliev')).toBe(spellingKey('Aliyev'));
    expect(spellingKey('Alijev')).toBe(spellingKey('Aliyev'));
    expect(spellingKey('Zelensky')).toBe(spellingKey('Zelenskyy'));
    expect(spellingKey('Zelenskiy')).toBe(spellingKey('Zelensky'));
    expect(spellingKey('Erdoğan')).toBe(spellingKey('Erdogan'));
    expect(spellingKey('Babbage')).toBe(spellingKey('Babage'));
    expect(spellingKey('Yevgeny Prigozhin')).toBe(spellingKey('Evgeny Prigozhin'));
    expect(spellingKey('Ievgen')).toBe(spellingKey('Yevgen'));
    expect(spellingKey('Yerevan')).toBe(spellingKey('Erevan'));
    // Only at the start of a word: Aliyev is not Alev.
    expect(spellingKey('Aliyev')).not.toBe(spellingKey('Alev'));
  });

  it('are stored next to the name when they differ from it, marked with ~', () => {
    expect(searchTextOf('Ilham Aliyev', ['Aliyev'])).toBe('Ilham Aliyev | Aliyev | ~ilham aliev | ~aliev');
    expect(searchTextOf('Daniel Baer', [])).toBe('Daniel Baer');
  });
});

describe('name match scores', () => {
  it('rank an exact alias above a word prefix, a word prefix above a name that only contains the text', () => {
    expect(nameMatchScore(unitedStates, 'us')).toBe(20);
    expect(nameMatchScore(usaid, 'us')).toBe(10);
    expect(nameMatchScore(russia, 'us')).toBe(5);
  });

  it('score a spelling variant below the text itself and above a plain substring', () => {
    expect(nameMatchScore(aliyev, 'aliyev')).toBe(20);
    expect(nameMatchScore(aliyev, 'aliev')).toBe(8);
    expect(nameMatchScore(aliyev, 'ali')).toBe(10);
  });

  it('keep full-text hits below every name match', () => {
    expect(fullTextScore(100)).toBeLessThan(5);
    expect(TEXT_MATCH_SCORE).toBeLessThan(5);
  });
});

describe('the hit list', () => {
  it('orders by score, then by caption, each node once with its best score', () => {
    const hits = new SearchHits();
    for (const node of [russia, usaid, unitedStates]) hits.add(node, nameMatchScore(node, 'us'));
    hits.add(unitedStates, TEXT_MATCH_SCORE);
    expect(hits.top(10).map((hit) => [hit.node.properties.name, hit.score])).toEqual([
      ['United States', 20],
      ['USAID', 10],
      ['Russia', 5],
    ]);
    expect(hits.top(1)).toHaveLength(1);
  });
});
