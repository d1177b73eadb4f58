/** The console's calls to the server: run a query, read the schema and the store's dialect. */
import type { ApiErrorBody, CypherResponse, HealthResponse, SchemaResponse } from '../../../server/domain/api.js';
import { apiFetch } from '../../api/access-token.js';

export async function runCypher(query: string, params: Record<string, unknown>): Promise<CypherResponse> {
  let response: Response;
  try {
    response = await apiFetch('/api/cypher', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, params }),
    });
  } catch {
    throw new Error('The actorgraph server cannot be reached. Is it running?');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new Error(body?.error.message ?? `${response.status} ${response.statusText}`);
  }
  return (await response.json()) as CypherResponse;
}

async function getJson<T>(path: string): Promise<T | null> {
  try {
    const response = await apiFetch(path, { headers: { accept: 'application/json' } });
    return response.ok ? ((await response.json()) as T) : null;
  } catch {
    return null;
  }
}

export const fetchSchema = () => getJson<SchemaResponse>('/api/schema');
export const fetchHealth = () => getJson<HealthResponse>('/api/health');
