import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Checks the tools the suite needs and starts the Neo4j test server and CoreNLP's server for the
    // run; it also sets ACTORGRAPH_NER=rules when there is no CoreNLP (ACTORGRAPH_TEST_SERVICES=none),
    // so that imports in tests do not each start a server. Not here in `env`: that is fixed when this
    // file loads, before the setup knows whether CoreNLP runs, and it would override the setup's values.
    globalSetup: ['test/setup/global-setup.ts'],
    // Kuzu is a native module and every test file opens its own databases: separate processes.
    pool: 'forks',
    testTimeout: 60_000,
    // expect.poll waits 1 s by default: a browser page replaying a linked view on a loaded machine
    // (CI shares two cores with Neo4j, CoreNLP and Chromium) took longer, and a test failed on time alone.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    // Two cores here: the browser test and the console-worker tests are heavy; keep files in sequence.
    fileParallelism: false,
  },
});
