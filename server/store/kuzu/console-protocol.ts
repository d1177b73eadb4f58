/** Messages between the API process and the console worker process. */
import type { GraphBatch } from '../../domain/graph.js';

export interface ConsoleRequest {
  id: number;
  query: string;
  params: Record<string, unknown>;
  limit: number;
  timeoutMs: number;
  /** Byte cap of the answer (rows and graph as JSON). */
  maxResponseBytes: number;
}

export type ConsoleReply =
  | {
      id: number;
      ok: true;
      columns: string[];
      rows: Array<Record<string, unknown>>;
      graph: GraphBatch;
      truncated: boolean;
    }
  | { id: number; ok: false; error: { code: string; message: string; status: number } };

export interface ConsoleInit {
  dbPath: string;
}
