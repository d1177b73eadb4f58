/**
 * The lint rules that keep the layers apart (eslint.config.js) stop an import that crosses a layer,
 * and let the allowed ones through. Each case lints a one-line module as if it lived at `file`.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../server/config.js';

// The probe files do not exist, so the type-aware rules (which need the file in a tsconfig) are
// switched off; the import rules need no types.
const eslint = new ESLint({ cwd: REPO_ROOT, overrideConfig: tseslint.configs.disableTypeChecked });

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: `${REPO_ROOT}/${file}` });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['client/ui/probe.ts', "import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';", /only the API types/],
    ['client/ui/probe.ts', "import { readFileSync } from 'node:fs';", /runs in the browser/],
    [
      'server/importer/extract/probe.ts',
      "import type { GraphStore } from '../../store/graph-store.js';",
      /orchestrator/,
    ],
    [
      'server/http/routes/probe.ts',
      "import { CypherStore } from '../../store/cypher-store.js';",
      /GraphStore interface/,
    ],
    [
      'server/http/routes/probe.ts',
      "import { importDocuments } from '../../importer/import-documents.js';",
      /serves reads/,
    ],
    ['server/store/probe.ts', "import { startServer } from '../http/server.js';", /below the importer/],
    ['server/store/probe.ts', "import { toApiPayload } from '../explore/payload.js';", /below the importer/],
    ['server/store/kuzu/probe.ts', "import type { SearchHit } from '../../domain/api.js';", /speaks domain types/],
    ['server/domain/probe.ts', "import { loadCypher } from '../store/cypher-files.js';", /bottom layer/],
    ['server/export/probe.ts', "import { serve } from '../cli/commands/serve.js';", /Only the CLI uses http/],
  ])('%s: %s is refused', async (file, source, reason) => {
    const messages = await restrictedImports(file, source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(reason);
  });

  it.each([
    ['client/ui/probe.ts', "import type { ApiNode } from '../../server/domain/api.js';"],
    ['server/http/routes/probe.ts', "import type { GraphStore } from '../../store/graph-store.js';"],
    ['server/importer/import-probe.ts', "import type { GraphStore } from '../store/graph-store.js';"],
    ['server/explore/probe.ts', "import { toApiNode } from './payload.js';"],
    ['server/store/probe.ts', "import type { SearchMatch } from '../domain/reads.js';"],
    ['server/http/routes/probe.ts', "import { MAX_PATH_LENGTH } from '../../domain/reads.js';"],
  ])('%s: %s is allowed', async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  });
});
