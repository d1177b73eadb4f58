/**
 * The store registry (domain/stores.ts, store/open-store.ts): every kind it lists is accepted by
 * the configuration, has its dialect's queries, and a run that needs a throwaway database (eval)
 * gets an embedded one even when the configuration names a server.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, REPO_ROOT } from '../../../server/config.js';
import { STORE_KINDS, STORE_NAMES } from '../../../server/domain/stores.js';
import { openScratchStore } from '../../../server/store/open-store.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

describe('store registry', () => {
  it('lets the configuration choose every kind it lists, and refuses others by listing them', () => {
    for (const store of STORE_NAMES) {
      const config = loadConfig({ store, neo4jUri: 'bolt://127.0.0.1:7687' }, {});
      expect(config.store).toBe(store);
    }
    expect(() => loadConfig({ store: 'sqlite' }, {})).toThrow(`store must be ${STORE_NAMES.join(' or ')}`);
  });

  it("gives each kind's dialect its own folder of queries", () => {
    for (const store of STORE_NAMES) {
      const folder = join(REPO_ROOT, 'cypher', STORE_KINDS[store].dialect);
      expect(existsSync(folder), folder).toBe(true);
      expect(readdirSync(folder).length).toBeGreaterThan(0);
    }
  });

  it('opens a throwaway embedded database for eval even when the configuration names Neo4j', async () => {
    const dir = tempDir();
    const config = loadConfig({ store: 'neo4j', neo4jUri: 'bolt://127.0.0.1:1' }, {});
    const store = await openScratchStore(config, dir);
    try {
      expect(STORE_KINDS[store.kind].embedded).toBe(true);
      expect(store.location.startsWith(dir)).toBe(true);
      expect(await store.isEmpty()).toBe(true);
    } finally {
      await store.close();
    }
  });
});
