/** The self-contained HTML snapshot's viewer: one IIFE file, inlined into each exported page. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  build: {
    outDir: resolve(here, '..', '..', 'dist', 'snapshot'),
    emptyOutDir: true,
    lib: {
      entry: resolve(here, 'viewer.ts'),
      formats: ['iife'],
      name: 'ActorgraphSnapshot',
      fileName: () => 'viewer.js',
    },
  },
});
