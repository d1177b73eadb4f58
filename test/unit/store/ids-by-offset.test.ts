/**
 * The export's table of ids by offset (kuzu-pages.ts) gives back every id as it was set, whatever
 * its characters, once it has grown past its first buffer and been trimmed.
 */
import { describe, expect, it } from 'vitest';
import { IdsByOffset } from '../../../server/store/kuzu/kuzu-pages.js';

describe('ids by table offset, packed', () => {
  it('gives back every id set, accents, scripts and emoji included, in any order of setting', () => {
    const count = 20_000;
    const idOf = (offset: number) => `actor:${['zoë', 'Łódź', '北京', '🙂', 'plain'][offset % 5]}-${offset}`;
    const ids = new IdsByOffset(count - 1);
    for (let offset = count - 1; offset >= 0; offset -= 2) ids.set(offset, idOf(offset));
    for (let offset = 0; offset < count; offset += 2) ids.set(offset, idOf(offset));
    ids.trim();
    const wrong = Array.from({ length: count }, (_, offset) => offset).filter(
      (offset) => ids.get(offset) !== idOf(offset),
    );
    expect(wrong).toEqual([]);
  });
});
