import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftChanges, type ShiftChange } from './shift-changes.js';
import type { PrimarySegment } from './types.js';

const seg = (start: number, end: number, userId: string | null): PrimarySegment => ({
  start,
  end,
  primary: userId === null ? null : { userId, layerId: 'L', source: 'rotation' },
  shadows: [],
});

describe('shiftChanges', () => {
  it('lists moved, added and removed shifts per person, and leaves out people whose shifts stay', () => {
    const before = [seg(0, 10, 'ann'), seg(10, 20, 'bob'), seg(20, 30, 'cat'), seg(30, 40, 'ann')];
    const after = [seg(0, 12, 'ann'), seg(12, 20, 'bob'), seg(20, 30, 'cat'), seg(30, 40, 'dan')];
    const changes = shiftChanges(before, after, 0, 40);
    expect(changes.get('ann')).toEqual([
      { before: { start: 0, end: 10 }, after: { start: 0, end: 12 } },
      { before: { start: 30, end: 40 }, after: null },
    ]);
    expect(changes.get('bob')).toEqual([{ before: { start: 10, end: 20 }, after: { start: 12, end: 20 } }]);
    expect(changes.get('dan')).toEqual([{ before: null, after: { start: 30, end: 40 } }]);
    expect(changes.has('cat')).toBe(false);
  });

  it('is no change when a different layer holds the same stretch for the same person', () => {
    const before = [seg(0, 10, 'ann')];
    const after = [{ ...seg(0, 5, 'ann') }, { start: 5, end: 10, primary: { userId: 'ann', layerId: null, source: 'override' as const }, shadows: [] }];
    expect(shiftChanges(before, after, 0, 10).size).toBe(0);
  });

  const row = fc
    .array(fc.record({ length: fc.integer({ min: 1, max: 5 }), who: fc.constantFrom('ann', 'bob', 'cat', null) }), { minLength: 1, maxLength: 12 })
    .map((parts) => {
      let at = 0;
      return parts.map((p) => seg(at, (at += p.length), p.who));
    });

  const covered = (list: ShiftChange[], side: 'before' | 'after') => list.flatMap((c) => (c[side] ? [c[side]] : []));

  it('property: identical rows change nothing; otherwise each person hears of exactly the shifts that differ', () => {
    fc.assert(
      fc.property(row, row, (a, b) => {
        expect(shiftChanges(a, a, 0, 100).size).toBe(0);
        const changes = shiftChanges(a, b, 0, 100);
        for (const who of ['ann', 'bob', 'cat']) {
          const list = changes.get(who) ?? [];
          const hours = (r: PrimarySegment[]) => r.filter((s) => s.primary?.userId === who);
          const paged = (r: PrimarySegment[], t: number) => hours(r).some((s) => s.start <= t && t < s.end);
          const differs = Array.from({ length: 60 }, (_, t) => paged(a, t) !== paged(b, t)).some(Boolean);
          // Someone is told iff when they are paged changed.
          if (!differs) expect(list).toEqual([]);
          for (const r of covered(list, 'before')) expect(paged(a, r.start)).toBe(true);
          for (const r of covered(list, 'after')) expect(paged(b, r.start)).toBe(true);
          if (differs) expect(list.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
