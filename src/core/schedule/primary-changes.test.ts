import { describe, expect, it } from 'vitest';
import { primaryChanges } from './primary-changes.js';
import type { PrimarySegment } from './types.js';

const seg = (start: number, end: number, userId: string | null): PrimarySegment => ({
  start,
  end,
  primary: userId ? { userId, layerId: 'L', source: 'rotation' } : null,
  shadows: [],
});

describe('primaryChanges', () => {
  it('reports nothing for identical rows', () => {
    const row = [seg(0, 10, 'a'), seg(10, 20, 'b')];
    expect(primaryChanges(row, row)).toEqual([]);
  });

  it('reports only the spans that change hands, merging neighbours', () => {
    const before = [seg(0, 10, 'a'), seg(10, 20, 'b'), seg(20, 30, null)];
    const after = [seg(0, 5, 'a'), seg(5, 15, 'c'), seg(15, 30, 'c')];
    expect(primaryChanges(before, after)).toEqual([
      { start: 5, end: 10, before: 'a', after: 'c' },
      { start: 10, end: 20, before: 'b', after: 'c' },
      { start: 20, end: 30, before: null, after: 'c' },
    ]);
  });

  it('ignores a change of layer or source when the same person is paged', () => {
    const before = [seg(0, 10, 'a')];
    const after: PrimarySegment[] = [{ start: 0, end: 10, primary: { userId: 'a', layerId: null, source: 'override' }, shadows: [] }];
    expect(primaryChanges(before, after)).toEqual([]);
  });
});
