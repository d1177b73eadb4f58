/**
 * The statement occurrences of a whole import, kept on disk instead of in memory: they merge over
 * the whole corpus and are written last (import-documents.ts, step 4), so held in memory they grew
 * with the corpus (at 5,000 articles the statements phase held about 1 GB of JavaScript heap,
 * bench/import-throughput.ts).
 *
 * Occurrences merge only with those of the same speaker (resolve/statements.ts), and a statement's
 * id hashes its words and its speaker's id, so the statements of different speakers share no node
 * and no relationship. The occurrences are therefore written to one file as the import goes, then
 * split into groups of whole speakers of about `perWrite` occurrences each (planWrites), and each
 * group is merged and written on its own: the same statements as one merge of everything, with
 * memory bounded by the group's size rather than the corpus's. One speaker's occurrences (the
 * statements with no speaker are one such "speaker") always stay in one group, however many.
 *
 * The files live in a fresh folder `actorgraph-spill-<pid>-*` under the system's temporary folder,
 * removed by remove(); a folder left by a killed import (its process gone) is removed by the next
 * import's spill.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StatementOccurrence } from './resolve/statements.js';
import { madeByDeadProcess, removeFolders } from '../process-folders.js';

const SPILL_PREFIX = 'actorgraph-spill';

/** Lines gathered before one write to a file. */
const LINES_PER_WRITE = 1000;

/** Removes the spill folders of imports killed mid-way (their process is gone); returns their names. */
export function removeAbandonedSpills(parent = tmpdir()): string[] {
  return removeFolders(parent, (name) => madeByDeadProcess(name, SPILL_PREFIX) === true);
}

/**
 * Which write each group goes in: ceil(total / perWrite) writes of about the same size,
 * total / writes, each group (by name, in name order) in the write its middle falls in. A write
 * differs from that size by at most half of the groups at its ends, unless one group is larger
 * than a write (then it fills one, or more, alone). Split as "50,000, then the rest" instead, a
 * small last write cost about as much database and memory as a full one. Returns the write
 * number of each group, from 0; a number may have no group.
 */
export function planWrites(sizes: Map<string, number>, perWrite: number): Map<string, number> {
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const writes = Math.max(1, Math.ceil(total / perWrite));
  const plan = new Map<string, number>();
  let before = 0;
  for (const [group, size] of [...sizes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    plan.set(group, Math.min(writes - 1, Math.floor(((before + size / 2) * writes) / total)));
    before += size;
  }
  return plan;
}

/**
 * The occurrences of one write in two halves of whole speaker groups (planWrites), for a write too
 * large for the store's memory; null when they are one group, which cannot be split.
 */
export function splitInTwo(
  occurrences: StatementOccurrence[],
  groupOf: (speakerKey: string | null) => string,
): [StatementOccurrence[], StatementOccurrence[]] | null {
  const sizes = new Map<string, number>();
  for (const occurrence of occurrences) {
    const group = groupOf(occurrence.statement.speakerKey);
    sizes.set(group, (sizes.get(group) ?? 0) + 1);
  }
  const plan = planWrites(sizes, Math.ceil(occurrences.length / 2));
  const halves: [StatementOccurrence[], StatementOccurrence[]] = [[], []];
  for (const occurrence of occurrences)
    halves[plan.get(groupOf(occurrence.statement.speakerKey))! > 0 ? 1 : 0].push(occurrence);
  return halves[0].length > 0 && halves[1].length > 0 ? halves : null;
}

/**
 * A failure to write the spill, naming the folder: a temporary folder that is full or read-only
 * is for the user to mend, and the file system's own message ("ENOSPC ... write") names none.
 */
function spillFailure(folder: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(
    `Cannot write the import's statement spill in ${folder} (${reason}). It goes in the temporary ` +
      'folder (TMPDIR): free space there or set TMPDIR to a writable folder, then run the import ' +
      'again; the batches already written are kept.',
    { cause: error },
  );
}

/** Appends lines to a file, LINES_PER_WRITE at a time. */
class LineFile {
  private readonly fd: number;
  private lines: string[] = [];

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
  }

  add(line: string): void {
    this.lines.push(line);
    if (this.lines.length >= LINES_PER_WRITE) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.lines.length > 0) writeSync(this.fd, this.lines.join('\n') + '\n');
    this.lines = [];
  }
}

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean);
}

export class StatementSpill {
  private dir: string | null = null;
  private file: LineFile | null = null;
  /** Occurrences per speaker key (null: no speaker). */
  private readonly bySpeaker = new Map<string | null, number>();
  private total = 0;

  /** Occurrences added so far. */
  get size(): number {
    return this.total;
  }

  add(occurrences: StatementOccurrence[]): void {
    if (occurrences.length === 0) return;
    try {
      this.file ??= new LineFile(join(this.folder(), 'occurrences.jsonl'));
      for (const occurrence of occurrences) {
        const speaker = occurrence.statement.speakerKey;
        this.bySpeaker.set(speaker, (this.bySpeaker.get(speaker) ?? 0) + 1);
        this.file.add(JSON.stringify(occurrence));
        this.total += 1;
      }
    } catch (error) {
      throw spillFailure(this.dir ?? tmpdir(), error);
    }
  }

  /**
   * The occurrences in groups of whole speakers, about `perWrite` each (planWrites). `groupOf`
   * names the group a speaker key belongs to: keys that give the same statement ids (the same
   * speaker node, or none) must share one. The spill's files are removed as they are read.
   */
  *groups(perWrite: number, groupOf: (speakerKey: string | null) => string): Generator<StatementOccurrence[]> {
    if (!this.file) return;
    const source = this.file.path;
    try {
      this.file.close();
    } catch (error) {
      throw spillFailure(this.dir ?? tmpdir(), error);
    } finally {
      this.file = null;
    }
    const sizes = new Map<string, number>();
    const groupOfSpeaker = new Map<string | null, string>();
    for (const [speaker, count] of this.bySpeaker) {
      const group = groupOf(speaker);
      groupOfSpeaker.set(speaker, group);
      sizes.set(group, (sizes.get(group) ?? 0) + count);
    }
    const plan = planWrites(sizes, perWrite);
    const writes = Math.max(0, ...plan.values()) + 1;
    let parts: string[];
    try {
      parts = this.split(source, writes, (line) => {
        const occurrence = JSON.parse(line) as StatementOccurrence;
        return plan.get(groupOfSpeaker.get(occurrence.statement.speakerKey)!)!;
      });
    } catch (error) {
      throw spillFailure(this.dir ?? tmpdir(), error);
    }
    for (const part of parts) {
      const occurrences = readLines(part).map((line) => JSON.parse(line) as StatementOccurrence);
      rmSync(part, { force: true });
      if (occurrences.length > 0) yield occurrences;
    }
  }

  remove(): void {
    this.file = null;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  /** The lines of `source` into `count` files by `partOf`, streamed line by line; `source` is removed. */
  private split(source: string, count: number, partOf: (line: string) => number): string[] {
    if (count === 1) return [source];
    const parts = Array.from({ length: count }, (_, index) => new LineFile(join(this.folder(), `part-${index}.jsonl`)));
    for (const line of linesOf(source)) parts[partOf(line)].add(line);
    parts.forEach((part) => part.close());
    rmSync(source, { force: true });
    return parts.map((part) => part.path);
  }

  private folder(): string {
    if (!this.dir) {
      removeAbandonedSpills();
      this.dir = mkdtempSync(join(tmpdir(), `${SPILL_PREFIX}-${process.pid}-`));
    }
    return this.dir;
  }
}

/** A file's lines, read a block at a time (the whole spill may not fit in memory as one string). */
function* linesOf(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.alloc(1 << 20);
    let rest = Buffer.alloc(0);
    for (let read = readSync(fd, block); read > 0; read = readSync(fd, block)) {
      const data = Buffer.concat([rest, block.subarray(0, read)]);
      // Split at the last newline only, so that no character's bytes are cut in two.
      const end = data.lastIndexOf(10);
      if (end < 0) {
        rest = data;
        continue;
      }
      for (const line of data.subarray(0, end).toString('utf8').split('\n')) if (line) yield line;
      rest = Buffer.from(data.subarray(end + 1));
    }
    if (rest.length > 0) yield rest.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
