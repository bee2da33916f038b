import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptDeadline, acceptRefusal, candidatesFor, coverSpan, coverStatus, holdsThroughout, withdrawRefusal, type CoverRequestState } from './cover-request.js';
import type { LayerSegment, PrimarySegment } from './types.js';

const request = (over: Partial<CoverRequestState> = {}): CoverRequestState => ({
  requesterId: 'ann',
  status: 'open',
  start: 100,
  end: 200,
  createdAt: 10,
  candidates: ['bob', 'cat'],
  ...over,
});

describe('cover requests', () => {
  it('expire at the start of their span; one already under way stays open until its end', () => {
    expect(acceptDeadline(request())).toBe(100);
    expect(coverStatus(request(), 99)).toBe('open');
    expect(coverStatus(request(), 100)).toBe('expired');
    const urgent = request({ start: 5 });
    expect([acceptDeadline(urgent), coverStatus(urgent, 150), coverStatus(urgent, 200)]).toEqual([200, 'open', 'expired']);
    expect(coverSpan(urgent, 150)).toEqual({ start: 150, end: 200 });
    expect(coverSpan(request(), 50)).toEqual({ start: 100, end: 200 });
  });

  it('only those asked may accept, and only while open', () => {
    expect(acceptRefusal(request(), 'bob', 50)).toBeNull();
    expect(acceptRefusal(request(), 'dan', 50)).toBe('not_asked');
    expect(acceptRefusal(request(), 'ann', 50)).toBe('not_asked');
    expect(acceptRefusal(request({ status: 'accepted' }), 'cat', 50)).toBe('closed');
    expect(acceptRefusal(request({ status: 'withdrawn' }), 'cat', 50)).toBe('closed');
    expect(acceptRefusal(request(), 'cat', 100)).toBe('closed');
  });

  it('the requester or a manager may withdraw an open request', () => {
    expect(withdrawRefusal(request(), 'ann', false, 50)).toBeNull();
    expect(withdrawRefusal(request(), 'bob', false, 50)).toBe('not_allowed');
    expect(withdrawRefusal(request(), 'bob', true, 50)).toBeNull();
    expect(withdrawRefusal(request({ status: 'accepted' }), 'ann', false, 50)).toBe('closed');
    expect(withdrawRefusal(request(), 'ann', false, 120)).toBe('closed');
  });

  it('asks everyone else once, in order', () => {
    expect(candidatesFor(['ann', 'bob', 'ann', 'cat', 'bob'], 'ann')).toEqual(['bob', 'cat']);
  });

  it('property: a closed request never becomes acceptable again, and the requester is never asked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CoverRequestState['status']>('open', 'accepted', 'withdrawn'),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('ann', 'bob', 'cat', 'dan'),
        (status, start, length, createdAt, now, who) => {
          const r = request({ status, start, end: start + length, createdAt, candidates: candidatesFor(['ann', 'bob', 'cat'], 'ann') });
          expect(r.candidates).not.toContain('ann');
          const ok = acceptRefusal(r, who, now) === null;
          if (ok) {
            expect(status).toBe('open');
            expect(now).toBeLessThan(acceptDeadline(r));
            const s = coverSpan(r, now);
            expect(s.end).toBeGreaterThan(s.start);
            for (let later = now; later < now + 50; later += 7) if (later >= acceptDeadline(r)) expect(acceptRefusal(r, who, later)).toBe('closed');
          }
        },
      ),
    );
  });

  describe('holdsThroughout', () => {
    const layer = (start: number, end: number, userId: string | null, active = true): LayerSegment => ({ start, end, userId, source: 'rotation', active, shadows: [] });
    const final = (start: number, end: number, userId: string | null): PrimarySegment => ({
      start,
      end,
      primary: userId ? { userId, layerId: null, source: 'override' } : null,
      shadows: [],
    });

    it('needs the person on every part of the span', () => {
      const row = [layer(0, 10, 'ann'), layer(10, 20, 'ann'), layer(20, 30, 'bob')];
      expect(holdsThroughout(row, 'ann', { start: 5, end: 20 })).toBe(true);
      expect(holdsThroughout(row, 'ann', { start: 5, end: 21 })).toBe(false);
      expect(holdsThroughout(row, 'bob', { start: 20, end: 31 })).toBe(false);
      expect(holdsThroughout([layer(0, 10, 'ann', false)], 'ann', { start: 0, end: 5 })).toBe(false);
      expect(holdsThroughout([final(0, 4, 'ann'), final(6, 10, 'ann')], 'ann', { start: 0, end: 10 })).toBe(false);
      expect(holdsThroughout([final(0, 10, 'ann')], 'ann', { start: 2, end: 8 })).toBe(true);
    });
  });
});
