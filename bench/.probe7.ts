import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';
const store = await KuzuStore.open({ path: process.argv[2], readOnly: true, queryTimeoutMs: 600000 });
let inRows = 0;
const orig = store['rows'].bind(store);
(store as any).rows = async (s: string, p: any) => { const t0 = performance.now(); const r = await orig(s, p); inRows += performance.now() - t0; return r; };
for (const size of [2000, 10000, 2000, 10000]) {
  inRows = 0;
  const t0 = performance.now();
  let n = 0, pages = 0;
  for await (const page of store.nodePages(size)) { n += page.length; pages++; }
  for await (const page of store.edgePages(size)) { n += page.length; pages++; }
  console.log(size, n, 'rows', pages, 'pages', (performance.now() - t0).toFixed(0), 'ms total', inRows.toFixed(0), 'ms in rows()');
}
await store.close();
