/** The sample articles again and again, each copy with its people renamed, so that each brings new statements. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';
import { tempDir } from './temp-dir.js';

export function renamedCopies(copies: number, prefix: string): string {
  const samples = join(REPO_ROOT, 'data', 'articles');
  const dir = tempDir(prefix);
  const names = ['Aliyev', 'Biden', 'Blinken', 'Pashinyan', 'Trump'];
  for (const name of readdirSync(samples).sort()) {
    const text = readFileSync(join(samples, name), 'utf8');
    for (let copy = 0; copy < copies; copy++) {
      const renamed = names.reduce((each, surname) => each.replaceAll(surname, surname + 'x'.repeat(copy)), text);
      writeFileSync(join(dir, `${String(copy).padStart(2, '0')}-${name}`), renamed);
    }
  }
  return dir;
}
