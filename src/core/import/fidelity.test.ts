import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOnCall, type OnCallSpan } from './fidelity.js';

const span = (start: number, end: number, who: string | null): OnCallSpan => ({ start, end, who });

describe('compareOnCall', () => {
  it('finds no difference when both sides hand off alike, however their spans are cut', () => {
    const source = [span(0, 10, 'a'), span(10, 30, 'b')];
    const vigil = [span(0, 5, 'a'), span(5, 10, 'a'), span(10, 30, 'b')];
    expect(compareOnCall(source, vigil, 0, 30)).toEqual({ handoffs: 2, differences: [] });
  });

  it('reports each stretch where they disagree, nobody included, merged while it stays the same', () => {
    const source = [span(0, 10, 'a'), span(10, 20, 'b')];
    const vigil = [span(0, 5, 'a'), span(5, 10, 'c'), span(10, 15, 'c'), span(15, 20, 'b')];
    expect(compareOnCall(source, vigil, 0, 25).differences).toEqual([
      { start: 5, end: 10, source: 'a', vigil: 'c' },
      { start: 10, end: 15, source: 'b', vigil: 'c' },
    ]);
  });

  it('a side is only read within the window', () => {
    expect(compareOnCall([span(-100, 100, 'a')], [span(0, 50, 'a'), span(50, 60, 'a')], 0, 50).differences).toEqual([]);
  });

  it('finds a difference exactly when some instant disagrees (property)', () => {
    const spans = fc.array(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 30 }), fc.constantFrom('a', 'b', null)), { maxLength: 6 }).map((xs) => {
      // Non-overlapping: each side has one answer at a time.
      const sorted = xs.map(([s, l, w]) => span(s, s + l, w)).sort((p, q) => p.start - q.start);
      return sorted.filter((s, i) => i === 0 || s.start >= (sorted[i - 1] as OnCallSpan).end);
    });
    const at = (xs: OnCallSpan[], t: number) => xs.find((s) => s.start <= t && t < s.end && s.who !== null)?.who ?? null;
    fc.assert(
      fc.property(spans, spans, (source, vigil) => {
        const disagree = Array.from({ length: 100 }, (_, t) => t).some((t) => at(source, t) !== at(vigil, t));
        expect(compareOnCall(source, vigil, 0, 100).differences.length > 0).toBe(disagree);
      }),
    );
  });
});
