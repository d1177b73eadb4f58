/** Pipes an export to a writable stream (a file, stdout, an HTTP response), reporting progress. */
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

/**
 * Text handed to the stream at once: the writers yield a string per node or relationship, and a
 * write per string cost a write request each (600,000 of them for a 100k/500k graph) for no gain.
 */
const WRITE_CHARS = 64 * 1024;

/** Thrown when the stream an export writes to is gone (a download cancelled, a closed pipe). */
export class ExportStreamClosedError extends Error {
  constructor() {
    super('The export stream closed before the export ended');
    this.name = 'ExportStreamClosedError';
  }
}

/**
 * Until `out` can take more, or throws when it closes or fails first. Waiting for 'drain' alone
 * never ended for a download the client cancelled (a response emits 'close', no 'drain' or
 * 'error'): the export then held its pages and its table of ids until the server stopped.
 */
function drained(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(new ExportStreamClosedError());
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', onDrain).off('close', onClose).off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new ExportStreamClosedError());
    const onError = (error: Error) => settle(error);
    out.on('drain', onDrain).on('close', onClose).on('error', onError);
  });
}

/**
 * Writes chunk by chunk, waiting for the stream to drain: memory holds a chunk, not the document,
 * and the source is read no faster than `out` takes it (a slow download holds the store's reads).
 * Stopping early (the stream closed or failed) ends the source's iteration, which releases it.
 */
export async function writeExport(format: ExportFormatName, source: ExportSource, out: Writable): Promise<void> {
  const written = EXPORT_FORMATS[format].write(source);
  const chunks: AsyncIterable<string | Buffer | Uint8Array> = written instanceof Promise ? await written : written;
  const write = async (chunk: string | Buffer | Uint8Array) => {
    if (!out.write(chunk)) await drained(out);
  };
  let text = '';
  const flush = async () => {
    if (text === '') return;
    const held = text;
    text = '';
    await write(held);
  };
  for await (const chunk of chunks) {
    if (out.destroyed) throw new ExportStreamClosedError();
    if (typeof chunk === 'string') {
      text += chunk;
      if (text.length >= WRITE_CHARS) await flush();
    } else {
      await flush();
      await write(chunk);
    }
  }
  await flush();
}
