import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Kuzu is a native module and every test file opens its own databases: separate processes.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here: the browser test and the console-worker tests are heavy; keep files in sequence.
    fileParallelism: false,
    // Imports in tests use the CoreNLP server .ci/run starts (CORENLP_URL); without one they use the
    // rules rather than start a server per import (tests that need a mode pass --ner themselves).
    env: process.env.CORENLP_URL ? {} : { ACTORGRAPH_NER: process.env.ACTORGRAPH_NER ?? 'rules' },
  },
});
