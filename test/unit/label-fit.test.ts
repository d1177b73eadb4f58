/** The PNG export zooms out just enough that labels at the edges of the view are whole. */
import { describe, expect, it } from 'vitest';
import { zoomOutToFit } from '../../client/sigma/label-fit.js';

describe('the PNG export’s zoom', () => {
  it('leaves the view as it is when every label fits', () => {
    expect(zoomOutToFit([{ left: 100, right: 300, top: 100, bottom: 120 }], 800, 600)).toBe(1);
    expect(zoomOutToFit([], 800, 600)).toBe(1);
  });

  it('zooms out so that a label running past the right edge ends inside the image', () => {
    // Centre 400: a label ending at 900 is 500 from it; 392 px are available (8 px margin).
    const factor = zoomOutToFit([{ left: 700, right: 900, top: 290, bottom: 310 }], 800, 600);
    expect(factor).toBeCloseTo(500 / 392, 5);
    expect(400 + (900 - 400) / factor).toBeLessThanOrEqual(800 - 8 + 1e-9);
  });

  it('zooms out no more than 1.6 times, however long a label', () => {
    expect(zoomOutToFit([{ left: 0, right: 10_000, top: 0, bottom: 10 }], 800, 600)).toBe(1.6);
  });
});
