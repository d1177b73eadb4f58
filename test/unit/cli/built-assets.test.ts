/** Without a build, serve/start stop before listening and say which command builds the explorer. */
import { afterAll, describe, expect, it } from 'vitest';
import { NotBuiltError, requireBuiltClient } from '../../../server/built-assets.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

describe('a missing build', () => {
  it('is refused with the file that is missing and `npm run build`', () => {
    const empty = tempDir();
    expect(() => requireBuiltClient(empty)).toThrow(NotBuiltError);
    expect(() => requireBuiltClient(empty)).toThrow(/index\.html is missing\): run `npm run build`/);
  });

  it('passes once the explorer is built', () => {
    expect(() => requireBuiltClient()).not.toThrow();
  });
});
