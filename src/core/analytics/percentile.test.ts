import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile, summarise } from './percentile.js';

describe('summarise', () => {
  it('has no figures for no values', () => {
    expect(summarise([])).toEqual({ count: 0, median: null, p90: null });
  });

  it('interpolates between the nearest ranks, as a spreadsheet does', () => {
    // Sorted 60, 120, 300, 600: the median is the mean of the middle two; p90 sits at
    // rank 0.9 × 3 = 2.7, seven tenths of the way from 300 to 600.
    const s = summarise([600, 60, 300, 120]);
    expect(s).toMatchObject({ count: 4, median: 210 });
    expect(s.p90).toBeCloseTo(510, 9);
    expect(summarise([42])).toEqual({ count: 1, median: 42, p90: 42 });
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });

  it('keeps min ≤ median ≤ p90 ≤ max and does not depend on the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 200 }), (values) => {
        const s = summarise(values);
        const median = s.median as number;
        const p90 = s.p90 as number;
        expect(Math.min(...values)).toBeLessThanOrEqual(median);
        expect(median).toBeLessThanOrEqual(p90);
        expect(p90).toBeLessThanOrEqual(Math.max(...values));
        expect(summarise([...values].reverse())).toEqual(s);
        // At least half the values are ≤ the median, at least 90 % ≤ p90 (up to interpolation).
        expect(values.filter((v) => v <= median).length).toBeGreaterThanOrEqual(Math.ceil(values.length / 2));
        expect(values.filter((v) => v <= p90).length).toBeGreaterThanOrEqual(Math.floor(0.9 * (values.length - 1)) + 1);
      }),
    );
  });
});
