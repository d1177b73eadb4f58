/**
 * scripts/screenshots.ts run once, as a user runs it, into a throwaway folder: every view is
 * shot (none skipped) as a PNG. It takes about 85 s on a busy 2-core machine (the script waits
 * for the layout before each of its 10 shots), so it runs only when asked:
 *
 *   ACTORGRAPH_SCREENSHOTS=1 npx vitest run test/e2e/screenshots-smoke.test.ts
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

afterAll(removeTempDirs);

describe.skipIf(!process.env.ACTORGRAPH_SCREENSHOTS)('the screenshot script', () => {
  it('shoots every view of the built explorer as a PNG, skipping none', async () => {
    const folder = tempDir('actorgraph-shots-');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'screenshots.ts'), folder],
      { cwd: REPO_ROOT, timeout: 300_000 },
    );
    expect(stdout).not.toContain('skipped');
    const shots = readdirSync(folder).filter((name) => name.endsWith('.png'));
    expect(shots.length).toBeGreaterThanOrEqual(10);
    for (const shot of shots) expect(readFileSync(join(folder, shot)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  }, 360_000);
});
