/** Pipes an export to a writable stream (a file, stdout, an HTTP response), reporting progress. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ExportSource } from './export-graph.js';
import { EXPORT_FORMATS, type ExportFormatName } from './formats.js';

export interface ExportProgress {
  nodes: number;
  edges: number;
}

/** Counts what passes through, so a long export can say how far it is. */
export function countingSource(source: ExportSource, onProgress: (progress: ExportProgress) => void): ExportSource {
  const progress: ExportProgress = { nodes: 0, edges: 0 };
  return {
    async *nodes() {
      for await (const node of source.nodes()) {
        progress.nodes += 1;
        if (progress.nodes % 1000 === 0) onProgress({ ...progress });
        yield node;
      }
      onProgress({ ...progress });
    },
    async *edges() {
      for await (const edge of source.edges()) {
        progress.edges += 1;
        if (progress.edges % 1000 === 0) onProgress({ ...progress });
        yield edge;
      }
      onProgress({ ...progress });
    },
  };
}

/** Writes chunk by chunk, waiting for the stream to drain: memory holds a chunk, not the document. */
export async function writeExport(format: ExportFormatName, source: ExportSource, out: Writable): Promise<void> {
  const written = EXPORT_FORMATS[format].write(source);
  const chunks: AsyncIterable<string | Buffer | Uint8Array> = written instanceof Promise ? await written : written;
  for await (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
}
