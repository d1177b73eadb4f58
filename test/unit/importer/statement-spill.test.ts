/**
 * The statement occurrences of an import wait on disk, not in memory, and come back in groups of
 * whole speakers of about the same size: the statements phase holds one group at a time.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StatementOccurrence } from '../../../server/importer/resolve/statements.js';
import { planWrites, removeAbandonedSpills, StatementSpill } from '../../../server/importer/statement-spill.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

function occurrence(speakerKey: string | null, n: number): StatementOccurrence {
  return {
    statement: {
      text: `Words number ${n}, with "quotes", a comma and a line\nbreak`,
      kind: 'quote',
      speakerKey,
      start: n,
      end: n + 10,
      rule: 'quote:test',
      confidence: 0.9,
    },
    documentId: `doc:${n % 7}`,
    date: null,
    dateExplicit: false,
    published: '2024-03-01',
    evidence: { documentId: `doc:${n % 7}`, start: n, end: n + 10, sentence: `Sentence ${n} — “curly”.` },
    about: [],
  };
}

function writeSizes(plan: Map<string, number>, sizes: Map<string, number>): number[] {
  const out: number[] = [];
  for (const [group, write] of plan) out[write] = (out[write] ?? 0) + sizes.get(group)!;
  return out;
}

describe('planWrites', () => {
  it('splits evenly, not into full writes and a small rest', () => {
    // 105 occurrences at most 100 per write: two writes of about 52, not 100 and 5.
    const sizes = new Map(Array.from({ length: 35 }, (_, i) => [`speaker-${String(i).padStart(2, '0')}`, 3]));
    const sizesOf = writeSizes(planWrites(sizes, 100), sizes);
    expect(sizesOf).toHaveLength(2);
    for (const size of sizesOf) expect(Math.abs(size - 52.5)).toBeLessThanOrEqual(3);
  });

  it('keeps each group whole and gives a group larger than a write its own write', () => {
    const sizes = new Map([
      ['a', 10],
      ['b', 250],
      ['c', 10],
    ]);
    const plan = planWrites(sizes, 100);
    expect(new Set(plan.values()).size).toBe(3);
    expect(writeSizes(plan, sizes).filter(Boolean)).toEqual([10, 250, 10]);
  });

  it('needs ceil(total / perWrite) writes, each within a group of the even size', () => {
    const sizes = new Map(Array.from({ length: 1000 }, (_, i) => [`s${i}`, 1 + (i % 5)]));
    const total = 3000;
    const sizesOf = writeSizes(planWrites(sizes, 700), sizes);
    expect(sizesOf).toHaveLength(Math.ceil(total / 700));
    for (const size of sizesOf) expect(Math.abs(size - total / sizesOf.length)).toBeLessThanOrEqual(5);
  });
});

describe('StatementSpill', () => {
  it('gives back every occurrence unchanged, all of a speaker in one group, the groups bounded', () => {
    const spill = new StatementSpill();
    const speakers = [null, ...Array.from({ length: 20 }, (_, i) => `p:speaker-${i}`)];
    const added = Array.from({ length: 400 }, (_, n) => occurrence(speakers[n % speakers.length], n));
    for (let at = 0; at < added.length; at += 50) spill.add(added.slice(at, at + 50));
    expect(spill.size).toBe(400);

    const groups = [...spill.groups(100, (key) => key ?? '')];
    expect(groups).toHaveLength(4);
    for (const group of groups) expect(group.length).toBeLessThanOrEqual(100 + 20);
    const back = groups.flat().sort((a, b) => a.statement.start - b.statement.start);
    expect(back).toEqual(added);
    const groupOfSpeaker = new Map<string | null, number>();
    groups.forEach((group, index) =>
      group.forEach((item) => {
        const speaker = item.statement.speakerKey;
        expect(groupOfSpeaker.get(speaker) ?? index).toBe(index);
        groupOfSpeaker.set(speaker, index);
      }),
    );
    spill.remove();
  });

  it('puts speaker keys of one group (the same speaker node) together', () => {
    const spill = new StatementSpill();
    spill.add(Array.from({ length: 60 }, (_, n) => occurrence(n % 2 === 0 ? 'p:ana' : 'g:Ana', n)));
    spill.add(Array.from({ length: 60 }, (_, n) => occurrence('p:other', n + 100)));
    const groups = [...spill.groups(50, (key) => (key === 'g:Ana' ? 'p:ana' : (key ?? '')))];
    expect(groups.map((group) => new Set(group.map((item) => item.statement.speakerKey)))).toContainEqual(
      new Set(['p:ana', 'g:Ana']),
    );
    spill.remove();
  });

  it('removes its folder, and the folder a killed import left', () => {
    const parent = tmpdir();
    const spill = new StatementSpill();
    spill.add([occurrence('p:a', 1)]);
    const mine = () => readdirSync(parent).filter((name) => name.startsWith(`actorgraph-spill-${process.pid}-`));
    expect(mine()).toHaveLength(1);
    spill.remove();
    expect(mine()).toHaveLength(0);

    // A folder named after a process that no longer exists (pid 2^22 + 1 is above Linux's maximum).
    const dir = tempDir('actorgraph-sweep-');
    const abandoned = join(dir, 'actorgraph-spill-4194305-abc');
    const live = join(dir, `actorgraph-spill-${process.pid}-def`);
    mkdirSync(abandoned);
    mkdirSync(live);
    expect(removeAbandonedSpills(dir)).toEqual(['actorgraph-spill-4194305-abc']);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
