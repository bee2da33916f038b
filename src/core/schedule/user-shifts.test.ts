import { describe, expect, it } from 'vitest';
import type { Primary, PrimarySegment } from './types.js';
import { userShifts } from './user-shifts.js';

const seg = (start: number, end: number, primary: Primary | null): PrimarySegment => ({ start, end, primary, shadows: [] });
const rotation = (userId: string, layerId = 'L'): Primary => ({ userId, layerId, source: 'rotation' });

describe('userShifts', () => {
  it("keeps only the user's spans, each with how they hold the pager", () => {
    const row = [seg(0, 10, rotation('ann')), seg(10, 20, rotation('bob')), seg(20, 30, rotation('ann'))];
    expect(userShifts(row, 'ann', 0, 30)).toEqual([
      { start: 0, end: 10, via: [{ layerId: 'L', source: 'rotation' }] },
      { start: 20, end: 30, via: [{ layerId: 'L', source: 'rotation' }] },
    ]);
    expect(userShifts(row, 'cat', 0, 30)).toEqual([]);
  });

  it('merges touching segments of the same person across layers and sources', () => {
    const row = [
      seg(0, 8, rotation('ann', 'Day')),
      seg(8, 16, rotation('ann', 'Night')),
      seg(16, 20, { userId: 'ann', layerId: null, source: 'override' }),
      seg(20, 24, rotation('ann', 'Day')),
    ];
    expect(userShifts(row, 'ann', 0, 24)).toEqual([
      {
        start: 0,
        end: 24,
        via: [
          { layerId: 'Day', source: 'rotation' },
          { layerId: 'Night', source: 'rotation' },
          { layerId: null, source: 'override' },
        ],
      },
    ]);
  });

  it('is one shift while shadows join and leave', () => {
    const row = [seg(0, 10, rotation('ann')), { ...seg(10, 20, rotation('ann')), shadows: ['bob'] }, seg(20, 30, rotation('ann'))];
    expect(userShifts(row, 'ann', 0, 30)).toEqual([{ start: 0, end: 30, via: [{ layerId: 'L', source: 'rotation' }] }]);
  });

  it('does not merge across a gap', () => {
    const row = [seg(0, 10, rotation('ann')), seg(10, 12, null), seg(12, 20, rotation('ann'))];
    expect(userShifts(row, 'ann', 0, 20).map((s) => [s.start, s.end])).toEqual([
      [0, 10],
      [12, 20],
    ]);
  });

  it('keeps shifts that overlap the window whole, and drops the rest', () => {
    const row = [seg(0, 10, rotation('ann')), seg(10, 20, rotation('bob')), seg(20, 40, rotation('ann')), seg(40, 50, rotation('bob')), seg(50, 60, rotation('ann'))];
    // The first shift ended at the window's start; the one under way and the one running past the end stay whole.
    expect(userShifts(row, 'ann', 10, 30).map((s) => [s.start, s.end])).toEqual([[20, 40]]);
    expect(userShifts(row, 'ann', 5, 55).map((s) => [s.start, s.end])).toEqual([
      [0, 10],
      [20, 40],
      [50, 60],
    ]);
  });
});
