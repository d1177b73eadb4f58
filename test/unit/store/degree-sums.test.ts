/**
 * Where an export's range of source nodes is cut (degree-sums.ts): as far as the nodes' degrees
 * stay within the bound, never past the range asked for, and at least one node.
 */
import { describe, expect, it } from 'vitest';
import { DegreeSums } from '../../../server/store/kuzu/degree-sums.js';

function sums(degrees: number[]): DegreeSums {
  const table = new DegreeSums(degrees.length - 1);
  degrees.forEach((degree, offset) => table.set(offset, degree));
  return table.done();
}

describe('the degrees of a node table added up by offset', () => {
  const table = sums([1, 1, 1, 10, 10, 0, 0, 2]);

  it('keeps the range asked for when its nodes are within the bound', () => {
    expect(table.stopWithin(0, 3, 5)).toBe(3);
    expect(table.stopWithin(5, 7, 0)).toBe(7);
  });

  it('cuts the range where the nodes pass the bound', () => {
    expect(table.stopWithin(0, 8, 5)).toBe(3);
    expect(table.stopWithin(0, 8, 13)).toBe(4);
  });

  it('takes one node whose degree alone passes the bound', () => {
    expect(table.stopWithin(3, 8, 5)).toBe(4);
  });

  it('reads a range that runs past the last node as ending there', () => {
    expect(table.stopWithin(5, 100, 2)).toBe(100);
    expect(table.stopWithin(4, 100, 5)).toBe(5);
  });

  it('counts a missing or negative degree as none', () => {
    expect(sums([Number.NaN, -3, 4]).stopWithin(0, 3, 3)).toBe(2);
  });
});
