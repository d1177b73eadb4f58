/** A Neo4j URI with credentials written into it is shown without them in every message. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { uriForMessages } from '../../../server/store/neo4j/neo4j-errors.js';
import { storeLocation } from '../../../server/store/open-store.js';

describe('Neo4j URIs in messages', () => {
  it('leave out a user:password@ part and keep the rest', () => {
    expect(uriForMessages('neo4j+s://neo4j:s3cr%40t@xxxx.databases.neo4j.io:7687')).toBe(
      'neo4j+s://xxxx.databases.neo4j.io:7687',
    );
    expect(uriForMessages('bolt://localhost:7687')).toBe('bolt://localhost:7687');
    expect(uriForMessages('bolt://db:7687/?policy=a@b')).toBe('bolt://db:7687/?policy=a@b');
  });

  it('as the CLI and the server name the store', () => {
    const config = loadConfig({}, { NEO4J_URI: 'bolt://neo4j:hunter2@db:7687' });
    expect(storeLocation(config)).toBe('Neo4j at bolt://db:7687');
  });
});
