/** Finding sample nodes through the HTTP API, as a user would: by searching their name. */
import request from 'supertest';
import type { SearchResponse } from '../../server/domain/api.js';

/** The id of the search hit whose caption is exactly `name`; fails the test with the hits otherwise. */
export async function nodeIdByName(serverUrl: string, name: string): Promise<string> {
  const res = await request(serverUrl)
    .get(`/api/search?q=${encodeURIComponent(name)}&limit=5`)
    .expect(200);
  const hit = (res.body as SearchResponse).results.find((result) => result.caption === name);
  if (!hit) throw new Error(`no search hit named ${name}: ${JSON.stringify(res.body)}`);
  return hit.id;
}
