import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRestriction } from '../../schedule/restriction.js';
import { zone } from '../../time/zone.js';
import { restrictionOf } from './restriction.js';
import type { PdRestriction } from './types.js';

const daily = (start: string, hours: number): PdRestriction => ({ type: 'daily_restriction', start_time_of_day: start, duration_seconds: hours * 3600, start_day_of_week: null });
const weekly = (day: number, start: string, hours: number): PdRestriction => ({ type: 'weekly_restriction', start_time_of_day: start, duration_seconds: hours * 3600, start_day_of_week: day });

describe('restrictionOf', () => {
  it('no restriction is always', () => {
    expect(restrictionOf([])).toEqual({ restriction: { kind: 'always' } });
  });

  it('a nightly restriction across midnight is a daily window ending the next morning', () => {
    expect(restrictionOf([daily('22:00:00', 10)])).toEqual({
      restriction: { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: '22:00', endTime: '08:00' }] },
    });
  });

  it('a weekend restriction across the end of the week wraps to Monday', () => {
    expect(restrictionOf([weekly(5, '18:00:00', 63)])).toEqual({
      restriction: { kind: 'custom', windows: [{ startDay: 5, startTime: '18:00', endDay: 1, endTime: '09:00' }] },
    });
  });

  it('daily and weekly together become weekly windows, a daily one on each day', () => {
    const mapped = restrictionOf([daily('09:00:00', 8), weekly(6, '00:00:00', 24)]);
    expect(mapped).toMatchObject({ restriction: { kind: 'custom' } });
    expect('restriction' in mapped && mapped.restriction.kind === 'custom' && mapped.restriction.windows).toHaveLength(8);
  });

  it('a restriction as long as its period is always', () => {
    expect(restrictionOf([daily('07:00:00', 24)])).toEqual({ restriction: { kind: 'always' } });
    expect(restrictionOf([weekly(1, '00:00:00', 168)])).toEqual({ restriction: { kind: 'always' } });
  });

  it('seconds cannot be expressed, and say so', () => {
    expect(restrictionOf([daily('09:00:30', 8)])).toEqual({ unmappable: expect.stringContaining('fraction of a minute') });
    expect(restrictionOf([{ ...daily('09:00:00', 1), duration_seconds: 3601 }])).toEqual({ unmappable: expect.stringContaining('fraction of a minute') });
  });

  // PagerDuty's rule read directly: on call when some restriction began less than its duration ago.
  const pagerDutyActive = (restrictions: PdRestriction[], minuteOfWeek: number) =>
    restrictions.some((r) => {
      const [h, m] = r.start_time_of_day.split(':').map(Number) as [number, number];
      const length = r.duration_seconds / 60;
      if (r.type === 'daily_restriction') return (((minuteOfWeek - h * 60 - m) % 1440) + 1440) % 1440 < length;
      const start = ((r.start_day_of_week as number) - 1) * 1440 + h * 60 + m;
      return (((minuteOfWeek - start) % 10080) + 10080) % 10080 < length;
    });

  it('is on call exactly when PagerDuty is, at every minute of the week (property)', () => {
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`);
    const restriction = fc.oneof(
      fc.record({ type: fc.constant('daily_restriction' as const), start_time_of_day: time, duration_seconds: fc.integer({ min: 1, max: 1440 }).map((m) => m * 60), start_day_of_week: fc.constant(null) }),
      fc.record({ type: fc.constant('weekly_restriction' as const), start_time_of_day: time, duration_seconds: fc.integer({ min: 1, max: 10080 }).map((m) => m * 60), start_day_of_week: fc.integer({ min: 1, max: 7 }) }),
    );
    // 2024-01-01 is a Monday; UTC keeps a minute of the week a minute of the week.
    const monday = Date.parse('2024-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.array(restriction, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 10079 }), (restrictions, minute) => {
        const mapped = restrictionOf(restrictions);
        if (!('restriction' in mapped)) throw new Error(mapped.unmappable);
        const mask = compileRestriction(mapped.restriction, zone('UTC'));
        expect(mask.activeAt(monday + minute * 60_000)).toBe(pagerDutyActive(restrictions, minute));
      }),
      { numRuns: 500 },
    );
  });
});
