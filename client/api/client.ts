/** Typed calls to the actorgraph HTTP API; an error answer becomes an ApiError with its message. */
import type {
  ApiErrorBody,
  DocumentResponse,
  EdgeDetailsResponse,
  GraphPayload,
  OverviewResponse,
  NodeDetailsResponse,
  PathResponse,
  SearchResponse,
  StatsResponse,
} from '../../server/domain/api.js';
import { apiFetch } from './access-token.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await apiFetch(path, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'The actorgraph server cannot be reached. Is it running?');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(
      response.status,
      body?.error.code ?? 'http',
      body?.error.message ?? `${response.status} ${response.statusText}`,
    );
  }
  return (await response.json()) as T;
}

export const api = {
  /** The `limit` most connected nodes; at most `maxEdges` relationships among them (the server's default without). */
  overview: (limit = 500, maxEdges?: number) =>
    getJson<OverviewResponse>(`/api/graph/overview?limit=${limit}${maxEdges ? `&maxEdges=${maxEdges}` : ''}`),
  stats: () => getJson<StatsResponse>('/api/stats'),
  search: (q: string, limit = 10) => getJson<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}&limit=${limit}`),
  node: (id: string) => getJson<NodeDetailsResponse>(`/api/nodes/${encodeURIComponent(id)}`),
  /** The node and its neighbours ranked most connected first; `skip` pages ("next 20"). */
  neighbors: (id: string, page: { limit: number; skip?: number; types?: string[] }) =>
    getJson<GraphPayload>(
      `/api/nodes/${encodeURIComponent(id)}/neighbors?limit=${page.limit}&skip=${page.skip ?? 0}` +
        (page.types && page.types.length > 0 ? `&types=${encodeURIComponent(page.types.join(','))}` : ''),
    ),
  /** `types`: the relationship types the path may follow (all when absent or empty). */
  shortestPath: (from: string, to: string, types: readonly string[] = [], all = false, maxLength = 6) =>
    getJson<PathResponse>(
      `/api/paths/shortest?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&maxLength=${maxLength}` +
        (types.length > 0 ? `&types=${encodeURIComponent(types.join(','))}` : '') +
        (all ? '&all=true' : ''),
    ),
  edge: (id: string) => getJson<EdgeDetailsResponse>(`/api/edges/${encodeURIComponent(id)}`),
  document: (id: string) => getJson<DocumentResponse>(`/api/documents/${encodeURIComponent(id)}`),
};
