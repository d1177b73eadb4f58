import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../server/cli/commands/import.js';

describe('the import progress line (stderr not a terminal)', () => {
  it('names what each phase counts: files, documents, then statements', () => {
    expect(progressLine('scan', 40, 120, 12.34, '7s')).toBe('names: 40/120, 12.3 files/s, ETA 7s\n');
    expect(progressLine('import', 3, 10, 1.5, '4s')).toBe('importing: 3/10, 1.5 documents/s, ETA 4s\n');
    expect(progressLine('statements', 2000, 9000, 800, '9s')).toBe(
      'statements: 2000/9000, 800.0 statements/s, ETA 9s\n',
    );
  });
});
