import { describe, expect, it } from 'vitest';
import { primarySpans } from './primary-spans.js';
import type { PrimarySegment } from './types.js';

const ann = { userId: 'ann', layerId: 'L', source: 'rotation' } as const;

describe('primarySpans', () => {
  it('joins segments that differ only in shadows, and keeps changes of primary and gaps apart', () => {
    const final: PrimarySegment[] = [
      { start: 0, end: 10, primary: ann, shadows: [] },
      { start: 10, end: 20, primary: ann, shadows: ['dana'] },
      { start: 20, end: 30, primary: { ...ann, source: 'override' }, shadows: [] },
      { start: 30, end: 40, primary: null, shadows: ['dana'] },
      { start: 40, end: 50, primary: null, shadows: [] },
    ];
    expect(primarySpans(final)).toEqual([
      { start: 0, end: 20, primary: ann },
      { start: 20, end: 30, primary: { ...ann, source: 'override' } },
      { start: 30, end: 50, primary: null },
    ]);
  });
});
