// ESLint: typescript-eslint's recommended rules, the type-aware rules that catch lost promises, and
// the rules that keep the layers apart (ARCHITECTURE.md: http → explore/importer/export → store →
// domain; the client shares only the API types with the server).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * One `no-restricted-imports` rule per file group: each entry forbids module paths matching a
 * regular expression (relative paths, so "(^|/)store/" is the store folder wherever it is imported
 * from) and says why.
 */
function forbid(...rules) {
  return {
    'no-restricted-imports': ['error', { patterns: rules.map(([regex, message]) => ({ regex, message })) }],
  };
}

const ABOVE_STORE = '(^|/)(http|cli|explore|export|importer|eval)/';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '**/target/', '.tmp/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its error: in a server that is a request that never answers.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Functions run inside the page (page.evaluate) reach the explorer's debug handle on window,
    // which has no type on the Node side.
    files: ['bench/**/*.ts', 'test/e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },

  // The layers.
  {
    files: ['client/**/*.ts'],
    ignores: ['client/**/vite.config.ts'],
    rules: forbid(
      [
        '(^|/)server/(?!domain/api\\.js$)',
        'The client shares only the API types (server/domain/api.ts) with the server.',
      ],
      ['^node:', 'The client runs in the browser.'],
    ),
  },
  {
    files: ['server/domain/**/*.ts'],
    rules: forbid(['^\\.\\./', 'The domain is the bottom layer: it imports no other part of the server.']),
  },
  {
    files: ['server/store/**/*.ts'],
    rules: forbid(
      [ABOVE_STORE, 'The store is below the importer, exports, explore and http: it uses only the domain.'],
      [
        '(^|/)domain/api\\.js$',
        "The store speaks domain types (domain/graph.ts, domain/reads.ts); the API's shapes are made in explore/.",
      ],
    ),
  },
  {
    files: ['server/importer/{read,extract,resolve,assemble,ner,curation}/**/*.ts'],
    rules: forbid([
      '(^|/)(store|http|cli|explore|export|eval)/',
      'An importer stage works on text and the domain; the orchestrator (import-documents.ts) talks to the store.',
    ]),
  },
  {
    files: ['server/http/**/*.ts'],
    rules: forbid(
      [
        '(^|/)store/(?!graph-store\\.js$)',
        "http uses the GraphStore interface (store/graph-store.ts), not a store's internals; the CLI opens the store.",
      ],
      ['(^|/)(cli|importer)/', 'http serves reads: it does not import articles or reach into the CLI.'],
    ),
  },
  {
    files: ['server/{explore,export,eval}/**/*.ts', 'server/importer/*.ts'],
    rules: forbid(['(^|/)(http|cli)/', 'Only the CLI uses http; nothing below the CLI imports it.']),
  },
);
