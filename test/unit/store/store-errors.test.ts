/** The stores' memory errors become 413 with a message saying to narrow the query (issue 14, item 9). */
import { describe, expect, it } from 'vitest';
import { QueryTimeoutError, TooLargeError } from '../../../server/domain/errors.js';
import { mapKuzuError } from '../../../server/store/kuzu/kuzu-errors.js';
import { mapNeo4jError } from '../../../server/store/neo4j/neo4j-errors.js';

describe('store memory errors', () => {
  it("maps LadybugDB's full buffer pool to 413 and its interrupt to 408", () => {
    const full = mapKuzuError(
      new Error(
        'Buffer manager exception: Unable to allocate memory! The buffer pool is full and no memory could be freed!',
      ),
      10_000,
    );
    expect(full).toBeInstanceOf(TooLargeError);
    expect(full).toMatchObject({ status: 413, message: expect.stringMatching(/smaller depth|narrower/) });
    const interrupted = mapKuzuError(new Error('Interrupted.'), 10_000);
    expect(interrupted).toBeInstanceOf(QueryTimeoutError);
    expect((interrupted as Error).message).toContain('10000 ms');
    const other = new Error('Binder exception: something');
    expect(mapKuzuError(other, 10_000)).toBe(other);
  });

  it("maps Neo4j's memory errors to 413", () => {
    const pool = mapNeo4jError(
      {
        code: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
        message:
          'The allocation of an extra 2.0 MiB would use more than the limit 100.0 MiB. Currently using 99.0 MiB. dbms.memory.transaction.total.max threshold reached',
      },
      'bolt://x',
    );
    expect(pool).toMatchObject({ status: 413, code: 'too_large', message: expect.stringMatching(/LIMIT/) });
    expect(
      mapNeo4jError({ code: 'Neo.TransientError.General.OutOfMemoryError', message: 'Java heap space' }, 'bolt://x'),
    ).toMatchObject({ status: 413 });
    expect(
      mapNeo4jError({ code: 'Neo.DatabaseError.General.UnknownError', message: 'boom' }, 'bolt://x'),
    ).toMatchObject({ status: 500 });
  });
});
