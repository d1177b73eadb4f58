#!/usr/bin/env node
/**
 * Installs the embedded store's full-text search extension for the user who runs this, so search
 * uses it with no download at run time (the Docker image runs it at build time, as the user that
 * serves). LadybugDB fetches extensions from its vendor's server (`INSTALL fts`). Without the
 * extension search still works, by a scan that needs nothing installed, only without stemming and
 * BM25 ranking: so a failed download is reported and does not fail the build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Database } from '@ladybugdb/core';

const scratch = mkdtempSync(join(tmpdir(), 'actorgraph-extensions-'));
try {
  const database = new Database(join(scratch, 'probe.lbug'));
  const connection = new Connection(database);
  try {
    for (const statement of ['INSTALL fts', 'LOAD EXTENSION fts']) {
      const result = await connection.query(statement);
      const rows = await result.getAll();
      console.log(`${statement}: ${rows.map((row) => Object.values(row).join(' ')).join('; ') || 'done'}`);
    }
  } catch (error) {
    console.warn(
      `The full-text extension could not be installed (${error instanceof Error ? error.message : error}); ` +
        'search works without it, without stemming and BM25 ranking.',
    );
  }
  await connection.close();
  await database.close();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
