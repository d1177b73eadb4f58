/**
 * The scan's entity table in memory: the JS heap the CorpusResolver keeps after scanning a
 * substituted corpus (bench/substituted-corpus.ts), after a full GC, before and after finish(),
 * and per entity. Run with the GC exposed:
 *   node --expose-gc --import tsx bench/resolver-memory.ts [articles=4000]
 * Asserts nothing; the figures are bytes, not times, so the machine's load does not change them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentMentions, loadGazetteer } from '../server/importer/build-graph.js';
import { listSourceFiles, readSourceFile } from '../server/importer/read/index.js';
import { CorpusResolver } from '../server/importer/resolve/entities.js';
import { writeSubstitutedCorpus } from './substituted-corpus.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function heapMb(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

const articles = Number(process.argv[2] ?? 4000);
const dir = mkdtempSync(join(tmpdir(), 'actorgraph-resolver-'));
try {
  writeSubstitutedCorpus(dir, Math.ceil(articles / 2));
  const gazetteer = await loadGazetteer();
  const files = await listSourceFiles([dir], []);
  const before = heapMb();
  let resolver: CorpusResolver | null = new CorpusResolver(gazetteer);
  for (const file of files) {
    const read = await readSourceFile(file);
    if ('skipped' in read) continue;
    resolver.addDocument(documentMentions(read.document, gazetteer), read.document.authors);
  }
  const scanned = heapMb();
  const entitiesScanned = resolver.entities.size;
  resolver.finish();
  const finished = heapMb();
  const entities = resolver.entities.size;
  const mb = (n: number) => `${n.toFixed(1)} MB`;
  console.log(`${files.length} articles, ${entitiesScanned} entities after the scan, ${entities} after finish()`);
  console.log(
    `resolver after the scan: ${mb(scanned - before)} (${Math.round(((scanned - before) * 1024 * 1024) / entitiesScanned)} B per entity)`,
  );
  console.log(
    `resolver after finish(): ${mb(finished - before)} (${Math.round(((finished - before) * 1024 * 1024) / entities)} B per entity)`,
  );
  resolver = null;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
