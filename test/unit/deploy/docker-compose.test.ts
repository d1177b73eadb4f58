/**
 * docker-compose.yml exposes nothing beyond this machine by default and has no default password
 * (issue 14, item 7): published ports are bound to 127.0.0.1, and Neo4j's password must come from
 * .env.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../../server/config.js';

interface Compose {
  services: Record<string, { ports?: string[]; environment?: Record<string, string> }>;
}

const text = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(text) as Compose;

describe('docker-compose.yml', () => {
  it('binds every published port to 127.0.0.1 unless told otherwise', () => {
    const ports = Object.values(compose.services).flatMap((service) => service.ports ?? []);
    expect(ports.length).toBeGreaterThan(0);
    // `${BIND_ADDRESS:-127.0.0.1}:3000:3000`: the address part defaults to loopback.
    for (const port of ports) expect(port).toMatch(/^(127\.0\.0\.1|\$\{[A-Z_]+:-127\.0\.0\.1\}):\d+:\d+$/);
  });

  it('requires the Neo4j password from .env, with no default', () => {
    expect(text).not.toContain('actorgraph-change-me');
    const required = /^\$\{NEO4J_PASSWORD:\?[^}]+\}$/;
    expect(compose.services.app.environment?.NEO4J_PASSWORD).toMatch(required);
    expect(compose.services.neo4j.environment?.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?[^}]+\}$/);
  });
});
