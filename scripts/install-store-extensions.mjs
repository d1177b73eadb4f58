#!/usr/bin/env node
/**
 * Installs the embedded store's full-text search extension for the user who runs this, so search
 * needs no download at run time (the Docker image runs it at build time, as the user that serves).
 * Kuzu 0.11 links FTS statically and answers that nothing needs installing; an engine that
 * downloads extensions (`INSTALL fts` fetches from the vendor's server) gets it here, once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Database } from '@ladybugdb/core';

const scratch = mkdtempSync(join(tmpdir(), 'actorgraph-extensions-'));
try {
  const database = new Database(join(scratch, 'probe.lbug'));
  const connection = new Connection(database);
  for (const statement of ['INSTALL fts', 'LOAD EXTENSION fts']) {
    const result = await connection.query(statement);
    const rows = await result.getAll();
    console.log(`${statement}: ${rows.map((row) => Object.values(row).join(' ')).join('; ') || 'done'}`);
  }
  await connection.close();
  await database.close();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
