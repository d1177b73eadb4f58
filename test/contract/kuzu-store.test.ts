/** The GraphStore contract on the embedded Kuzu store. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { describeGraphStoreContract } from './graph-store-contract.js';
import { describeGraphStoreReadContract } from './graph-store-read-contract.js';

const path = join(tempDir(), 'contract.kuzu');

describeGraphStoreContract('kuzu', {
  openWriter: () => KuzuStore.open({ path, readOnly: false }),
  openReader: () => KuzuStore.open({ path, readOnly: true }),
  sneakyWrite: "CALL PROJECT_GRAPH('sneaky', ['Actor'], [])",
});

const readsPath = join(tempDir(), 'reads.kuzu');

describeGraphStoreReadContract('kuzu', {
  openWriter: () => KuzuStore.open({ path: readsPath, readOnly: false }),
  openReader: () => KuzuStore.open({ path: readsPath, readOnly: true }),
  sneakyWrite: '',
});

afterAll(removeTempDirs);

describe('Kuzu console memory watchdog', () => {
  it('stops a query that grows past the memory limit, and the next query works', async () => {
    const reader = await KuzuStore.open({ path, readOnly: true, consoleMemoryLimitBytes: 600 * 1024 * 1024 });
    try {
      await expect(
        reader.runReadQuery(
          'UNWIND range(1, 2000000000) AS x RETURN sum(x) AS total',
          {},
          { limit: 10, timeoutMs: 60_000 },
        ),
      ).rejects.toMatchObject({ status: 413, code: 'too_large' });
      const next = await reader.runReadQuery('RETURN 1 AS one', {}, { limit: 10, timeoutMs: 2000 });
      expect(next.rows).toEqual([{ one: 1 }]);
    } finally {
      await reader.close();
    }
  });
});
