import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRestriction } from '../../schedule/restriction.js';
import { zone } from '../../time/zone.js';
import { restrictionOf } from './rules.js';
import type { GaScheduleRule } from './types.js';

/** GoAlert's flags, Sunday first: 'SMTWTFS' with a letter for a day on, '-' off. */
const rule = (start: string, end: string, days: string): GaScheduleRule => ({ start, end, weekdayFilter: [...days].map((c) => c !== '-') });

describe('restrictionOf', () => {
  it('every day with the end at the start is always', () => {
    expect(restrictionOf([rule('00:00', '00:00', 'SMTWTFS')])).toEqual({ kind: 'always' });
    expect(restrictionOf([rule('09:00', '17:00', '-MTWTF-'), rule('07:30', '07:30', 'SMTWTFS')])).toEqual({ kind: 'always' });
  });

  it('weekday hours become daily windows on ISO weekdays (Sunday is 7)', () => {
    expect(restrictionOf([rule('08:00', '20:00', 'S-----S')])).toEqual({ kind: 'daily', windows: [{ days: [6, 7], startTime: '08:00', endTime: '20:00' }] });
  });

  it('a night rule runs past midnight into the next day, as in GoAlert', () => {
    expect(restrictionOf([rule('20:00', '08:00', '-MTWTF-')])).toEqual({ kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5], startTime: '20:00', endTime: '08:00' }] });
  });

  it('a whole day from a time becomes weekly windows, since Vigil daily windows cannot end at their start', () => {
    expect(restrictionOf([rule('09:00', '09:00', '-----FS'), rule('18:00', '22:00', 'S------')])).toEqual({
      kind: 'custom',
      windows: [
        { startDay: 5, startTime: '09:00', endDay: 6, endTime: '09:00' },
        { startDay: 6, startTime: '09:00', endDay: 7, endTime: '09:00' },
        { startDay: 7, startTime: '18:00', endDay: 7, endTime: '22:00' },
      ],
    });
  });

  it('rules with no day are never active: none left is null', () => {
    expect(restrictionOf([rule('09:00', '17:00', '-------')])).toBeNull();
    expect(restrictionOf([])).toBeNull();
    expect(restrictionOf([rule('09:00', '17:00', '-------'), rule('09:00', '17:00', '-M-----')])).toEqual({ kind: 'daily', windows: [{ days: [1], startTime: '09:00', endTime: '17:00' }] });
  });

  // GoAlert's rule.go read directly: active from the start on a flagged day until the end, that day or the next.
  const goAlertActive = (rules: GaScheduleRule[], minuteOfWeek: number) =>
    rules.some((r) => {
      const day = (Math.floor(minuteOfWeek / 1440) + 1) % 7; // Monday-based minute → Sunday-first index.
      const minute = minuteOfWeek % 1440;
      const clock = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
      const [s, e] = [clock(r.start), clock(r.end)];
      const on = (d: number) => r.weekdayFilter[(d + 7) % 7] === true;
      if (r.weekdayFilter.every(Boolean) && s === e) return true;
      if (s < e) return on(day) && s <= minute && minute < e;
      return (on(day) && minute >= s) || (on(day - 1) && minute < e);
    });

  it('is on call exactly when GoAlert is, at every minute of the week (property)', () => {
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const goAlertRule = fc.record({ start: time, end: time, weekdayFilter: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }) });
    // 2024-01-01 is a Monday; UTC keeps a minute of the week a minute of the week.
    const monday = Date.parse('2024-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.array(goAlertRule, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 10079 }), (rules, minute) => {
        const mapped = restrictionOf(rules);
        const active = mapped !== null && compileRestriction(mapped, zone('UTC')).activeAt(monday + minute * 60_000);
        expect(active).toBe(goAlertActive(rules, minute));
      }),
      { numRuns: 1000 },
    );
  });
});
