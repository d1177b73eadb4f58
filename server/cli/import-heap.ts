/**
 * How far V8 lets the JS heap grow past what is alive before it collects, for `actorgraph import`.
 * By default the old generation may grow to up to 4 times what the last full collection left
 * (up to the heap limit, 4 GB here), and an import's writes make garbage fast: at 2,000 articles
 * the heap peaked at 419 MB when about 80 MB was alive (bench/import-throughput.ts, IMPORT_LIVE=1).
 * Growing by 15% at most, the heap peaked at 260 MB and the import's RSS at 719 MB instead of
 * 863 MB, for GC pauses of 13.2 s instead of 10.8 s (10% of the time instead of 7%), one run each,
 * back to back, on a loaded machine. This bounds the garbage, not the heap: an import whose live
 * set is larger still gets the heap it needs (the heap limit, unlike --max-old-space-size, is not
 * touched, and cannot be once the process runs).
 */
import v8 from 'node:v8';

export const IMPORT_HEAP_GROWING_PERCENT = 15;

/** For this process (V8 reads the flag at every full collection): only the import command calls it. */
export function boundImportHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`);
}
