/**
 * What a V8 heap snapshot holds, summed two ways, to find what an import keeps alive:
 * - by kind and constructor (each object's own size);
 * - by owner: each string, array or internal node counted with the nearest object that retains it
 *   (its first strong retainer, followed up to a few steps), named by that object's constructor and
 *   the property that holds it, so that "Map entries of what" and "strings of what" show up.
 *
 * Usage: npx tsx bench/heap-summary.ts file.heapsnapshot [top=25]
 * (IMPORT_SNAPSHOT=dir npx tsx bench/import-throughput.ts --scaling 5000 writes one per phase.)
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: heap-summary.ts file.heapsnapshot [top]');
const top = Number(topArg ?? 25);
const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
const meta = snap.snapshot.meta;
const nodeWidth = meta.node_fields.length;
const edgeWidth = meta.edge_fields.length;
const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
  meta.node_fields.indexOf(f),
);
const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const { nodes, edges, strings } = snap;
const count = nodes.length / nodeWidth;

const typeOf = (n: number) => nodeTypes[nodes[n * nodeWidth + typeAt]];
const nameOf = (n: number) => strings[nodes[n * nodeWidth + nameAt]];
const sizeOf = (n: number) => nodes[n * nodeWidth + sizeAt];

// The first strong retainer of every node, and the edge's name.
const parent = new Int32Array(count).fill(-1);
const parentEdge: string[] = new Array<string>(count);
let edge = 0;
for (let n = 0; n < count; n++) {
  const edgesOf = nodes[n * nodeWidth + edgeCountAt];
  for (let e = 0; e < edgesOf; e++, edge += edgeWidth) {
    const kind = edgeTypes[edges[edge + edgeTypeAt]];
    if (kind === 'weak' || kind === 'shortcut') continue;
    const to = edges[edge + toAt] / nodeWidth;
    if (parent[to] !== -1) continue;
    parent[to] = n;
    const name = edges[edge + edgeNameAt];
    parentEdge[to] = kind === 'element' || kind === 'hidden' ? `[${kind}]` : String(strings[name] ?? name);
  }
}

const OWNER_TYPES = new Set(['object', 'closure']);
function ownerOf(n: number): string {
  let at = n;
  let via = '';
  for (let step = 0; step < 6 && at >= 0; step++) {
    if (OWNER_TYPES.has(typeOf(at)) && at !== n) return `${nameOf(at)}.${via}`;
    via = parentEdge[at] ?? '?';
    at = parent[at];
  }
  return `(${typeOf(n)})`;
}

function add(map: Map<string, [number, number]>, key: string, size: number): void {
  const entry = map.get(key) ?? [0, 0];
  entry[0] += size;
  entry[1] += 1;
  map.set(key, entry);
}

const byClass = new Map<string, [number, number]>();
const byOwner = new Map<string, [number, number]>();
let total = 0;
for (let n = 0; n < count; n++) {
  const size = sizeOf(n);
  total += size;
  const type = typeOf(n);
  add(byClass, type === 'object' || type === 'closure' ? `${type} ${nameOf(n)}` : type, size);
  if (!OWNER_TYPES.has(type)) add(byOwner, `${type} of ${ownerOf(n)}`, size);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
function print(title: string, map: Map<string, [number, number]>): void {
  console.log(`\n${title}`);
  for (const [key, [size, n]] of [...map].sort((a, b) => b[1][0] - a[1][0]).slice(0, top)) {
    console.log(`${mb(size).padStart(10)} ${String(n).padStart(9)}  ${key.slice(0, 120)}`);
  }
}
console.log(`${file}: ${count} nodes, ${mb(total)}`);
print('by kind / constructor (own size)', byClass);
print('strings, arrays and internals by the object that holds them', byOwner);
