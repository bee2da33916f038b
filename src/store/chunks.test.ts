import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedRunsOf } from './chunks.js';

const LENGTHS = new Set([64, 56, 48, 40, 32, 24, 16, 8, 4, 2, 1]);

describe('fixedRunsOf', () => {
  it('keeps every item in order, in runs of the fixed lengths only, at most three more runs than 64 at a time', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 400 }), (items) => {
        const runs = fixedRunsOf(items);
        expect(runs.flat()).toEqual(items);
        for (const run of runs) expect(LENGTHS.has(run.length)).toBe(true);
        expect(runs.length).toBeLessThanOrEqual(Math.ceil(items.length / 64) + 3);
      }),
    );
  });

  it('takes the longest fixed length that fits first', () => {
    expect(fixedRunsOf([...Array(47).keys()]).map((run) => run.length)).toEqual([40, 4, 2, 1]);
    expect(fixedRunsOf([...Array(130).keys()]).map((run) => run.length)).toEqual([64, 64, 2]);
    expect(fixedRunsOf([])).toEqual([]);
  });
});
