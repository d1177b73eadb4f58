/** The GraphStore contract on the embedded Kuzu store. */
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { describeGraphStoreContract } from './graph-store-contract.js';

const path = join(tempDir(), 'contract.kuzu');

describeGraphStoreContract('kuzu', {
  openWriter: () => KuzuStore.open({ path, readOnly: false }),
  openReader: () => KuzuStore.open({ path, readOnly: true }),
  sneakyWrite: "CALL PROJECT_GRAPH('sneaky', ['Actor'], [])",
});

afterAll(removeTempDirs);
