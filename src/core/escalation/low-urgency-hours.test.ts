import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRestriction } from '../schedule/restriction.js';
import type { Restriction } from '../schedule/types.js';
import { zone } from '../time/zone.js';
import { pageTime } from './low-urgency-hours.js';

const CHICAGO = 'America/Chicago';
const at = (iso: string) => Date.parse(iso);
const business: Restriction = { kind: 'business_hours' };

describe('pageTime', () => {
  it('sends high-urgency pages at once, whatever the hours', () => {
    expect(pageTime(at('2026-03-07T03:00:00Z'), 'high', business, CHICAGO)).toBe(at('2026-03-07T03:00:00Z'));
  });

  it('sends a low-urgency page within the hours at once', () => {
    // Tuesday 10:00 in Chicago.
    expect(pageTime(at('2026-03-03T16:00:00Z'), 'low', business, CHICAGO)).toBe(at('2026-03-03T16:00:00Z'));
  });

  it('holds a low-urgency page from Friday night to Monday 09:00, across the start of DST', () => {
    // Friday 2026-03-06 20:00 CST; DST starts Sunday 8 March; Monday 09:00 CDT is 14:00Z.
    expect(pageTime(at('2026-03-07T02:00:00Z'), 'low', business, CHICAGO)).toBe(at('2026-03-09T14:00:00Z'));
  });

  it('holds an early-morning page until the hours begin that day', () => {
    // Wednesday 06:30 CST → 09:00 CST (15:00Z).
    expect(pageTime(at('2026-01-07T12:30:00Z'), 'low', business, CHICAGO)).toBe(at('2026-01-07T15:00:00Z'));
  });

  it('follows chosen days and hours past midnight', () => {
    const nights: Restriction = { kind: 'daily', windows: [{ days: [6], startTime: '22:00', endTime: '02:00' }] };
    // Thursday noon in Chicago → Saturday 22:00 CST (Sunday 04:00Z).
    expect(pageTime(at('2026-01-08T18:00:00Z'), 'low', nights, CHICAGO)).toBe(at('2026-01-11T04:00:00Z'));
  });

  it('any time, or no hours, waits for nothing', () => {
    expect(pageTime(123, 'low', { kind: 'always' }, CHICAGO)).toBe(123);
    expect(pageTime(123, 'low', null, CHICAGO)).toBe(123);
    expect(pageTime(123, 'low', { kind: 'daily', windows: [] }, CHICAGO)).toBe(123);
  });

  it('never sends early, always within the hours, as they begin, and within a week', () => {
    const zones = ['America/Chicago', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago'];
    const hours = fc.constantFrom<Restriction>(
      business,
      { kind: 'weekends' },
      { kind: 'daily', windows: [{ days: [1, 3, 5], startTime: '07:30', endTime: '12:00' }] },
      { kind: 'daily', windows: [{ days: [7], startTime: '23:00', endTime: '01:00' }] },
    );
    fc.assert(
      fc.property(fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2028-01-01T00:00:00Z') }), hours, fc.constantFrom(...zones), (due, h, tz) => {
        const sent = pageTime(due, 'low', h, tz);
        expect(sent).toBeGreaterThanOrEqual(due);
        expect(sent - due).toBeLessThanOrEqual(8 * 86_400_000);
        const mask = compileRestriction(h, zone(tz));
        expect(mask.activeAt(sent)).toBe(true);
        // Held pages go out as the hours begin, not later.
        if (sent > due) expect(mask.activeAt(sent - 1)).toBe(false);
      }),
    );
  });
});
