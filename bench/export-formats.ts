/**
 * Export time and peak memory per format, for the sample graph and for a synthetic graph of
 * 100,000 relationships (bench/synthetic-graph.ts). Each format is written to a file in a temporary folder. Asserts nothing.
 * Run: npx tsx bench/export-formats.ts [relationships=100000]
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { REPO_ROOT } from '../server/config.js';
import type { GraphBatch } from '../server/domain/graph.js';
import { sourceFromBatch } from '../server/export/export-graph.js';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from '../server/export/formats.js';
import { writeExport } from '../server/export/write-export.js';
import { buildGraph, loadGazetteer } from '../server/importer/build-graph.js';
import { readSources } from '../server/importer/read/index.js';
import { syntheticGraph } from './synthetic-graph.js';

const RELATIONSHIPS = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'actorgraph-export-bench-'));

async function measure(name: string, batch: GraphBatch): Promise<void> {
  console.log(`${name}: ${batch.nodes.length} nodes, ${batch.edges.length} relationships`);
  for (const format of EXPORT_FORMAT_NAMES) {
    if (format === 'html' && batch.nodes.length > 20_000) {
      console.log(`  ${format.padEnd(11)} skipped (an HTML snapshot is for subgraphs of at most 20,000 nodes)`);
      continue;
    }
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const file = join(dir, `${name}.${EXPORT_FORMATS[format].extension}`);
    const started = performance.now();
    const out = createWriteStream(file);
    await writeExport(format, sourceFromBatch(batch), out);
    out.end();
    await finished(out);
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const size = statSync(file).size;
    console.log(
      `  ${format.padEnd(11)} ${ms.toFixed(0).padStart(6)} ms  ${(size / 1e6).toFixed(1).padStart(6)} MB file  peak RSS +${((peak - baseline) / 1e6).toFixed(0)} MB over ${(baseline / 1e6).toFixed(0)} MB`,
    );
  }
}

const documents = (await readSources([join(REPO_ROOT, 'data', 'articles')])).documents;
await measure('sample', buildGraph(documents, { gazetteer: await loadGazetteer() }));
await measure('synthetic', syntheticGraph({ nodes: Math.round(RELATIONSHIPS / 2.5), edges: RELATIONSHIPS }));
rmSync(dir, { recursive: true, force: true });
