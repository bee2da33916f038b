import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRestriction } from '../../schedule/restriction.js';
import { zone } from '../../time/zone.js';
import { restrictionOf } from './restriction.js';
import type { OgDay, OgRestriction, OgTimeRestriction } from './types.js';

const DAYS: OgDay[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Opsgenie's rule read directly: the local weekday and time (by Intl) inside a span from start to end, which may wrap. */
function opsgenieActive(r: OgTimeRestriction, timeZone: string, at: number): boolean {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]),
  );
  const day = DAYS.indexOf((parts.weekday as string).toLowerCase() as OgDay);
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  const within = (m: number, start: number, end: number, period: number) => (((m - start) % period) + period) % period < (((end - start) % period) + period) % period;
  if (r.type === 'time-of-day') {
    const x = r.restriction as OgRestriction;
    return within(minute, x.startHour * 60 + x.startMin, x.endHour * 60 + x.endMin, 1440);
  }
  const ofWeek = (d: OgDay | undefined, h: number, m: number) => DAYS.indexOf(d as OgDay) * 1440 + h * 60 + m;
  return (r.restrictions ?? []).some((x) => within(day * 1440 + minute, ofWeek(x.startDay, x.startHour, x.startMin), ofWeek(x.endDay, x.endHour, x.endMin), 7 * 1440));
}

const span = (startDay: 'monday' | 'friday' | 'sunday', startHour: number, endDay: 'monday' | 'friday' | 'saturday' | 'sunday', endHour: number, startMin = 0, endMin = 0) => ({ startDay, startHour, startMin, endDay, endHour, endMin });

describe('restrictionOf', () => {
  it('no restriction is always', () => {
    expect(restrictionOf(undefined)).toEqual({ restriction: { kind: 'always' } });
  });

  it('a time of day is the same hours every day, past midnight when it ends before it starts', () => {
    expect(restrictionOf({ type: 'time-of-day', restriction: { startHour: 9, startMin: 30, endHour: 17, endMin: 0 } })).toEqual({
      restriction: { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: '09:30', endTime: '17:00' }] },
    });
    expect(restrictionOf({ type: 'time-of-day', restriction: { startHour: 22, startMin: 0, endHour: 6, endMin: 0 } })).toEqual({
      restriction: { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: '22:00', endTime: '06:00' }] },
    });
  });

  it('an end hour of 24 is the next midnight', () => {
    expect(restrictionOf({ type: 'time-of-day', restriction: { startHour: 18, startMin: 0, endHour: 24, endMin: 0 } })).toEqual({
      restriction: { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: '18:00', endTime: '00:00' }] },
    });
    expect(restrictionOf({ type: 'weekday-and-time-of-day', restrictions: [span('sunday', 18, 'sunday', 24)] })).toEqual({
      restriction: { kind: 'custom', windows: [{ startDay: 7, startTime: '18:00', endDay: 1, endTime: '00:00' }] },
    });
  });

  it('weekday spans become weekly windows, across midnight and across the end of the week', () => {
    expect(restrictionOf({ type: 'weekday-and-time-of-day', restrictions: [span('monday', 9, 'friday', 17, 0, 30), span('friday', 18, 'monday', 9)] })).toEqual({
      restriction: {
        kind: 'custom',
        windows: [
          { startDay: 1, startTime: '09:00', endDay: 5, endTime: '17:30' },
          { startDay: 5, startTime: '18:00', endDay: 1, endTime: '09:00' },
        ],
      },
    });
  });

  it('says why it cannot map a span that starts where it ends, or bad hours', () => {
    expect(restrictionOf({ type: 'time-of-day', restriction: { startHour: 8, startMin: 0, endHour: 8, endMin: 0 } })).toEqual({ unmappable: expect.stringContaining('starts and ends at 08:00') });
    expect(restrictionOf({ type: 'weekday-and-time-of-day', restrictions: [span('monday', 8, 'monday', 8)] })).toEqual({ unmappable: expect.stringContaining('monday 08:00') });
    expect(restrictionOf({ type: 'time-of-day', restriction: { startHour: 25, startMin: 0, endHour: 8, endMin: 0 } })).toEqual({ unmappable: expect.stringContaining('no valid hours') });
    expect(restrictionOf({ type: 'weekday-and-time-of-day', restrictions: [] })).toEqual({ unmappable: expect.stringContaining('lists no days') });
  });

  // Edges away from 01:00–03:59, where a DST change makes a local time missing or twice.
  const hour = fc.constantFrom(0, 4, 5, 8, 9, 12, 17, 18, 20, 22, 23, 24);
  const minute = fc.constantFrom(0, 30);
  const weekdaySpan = fc.record({ startDay: fc.constantFrom(...DAYS), startHour: hour, startMin: minute, endDay: fc.constantFrom(...DAYS), endHour: hour, endMin: minute });
  const timeRestriction: fc.Arbitrary<OgTimeRestriction> = fc.oneof(
    fc.record({ type: fc.constant('time-of-day' as const), restriction: fc.record({ startHour: hour, startMin: minute, endHour: hour, endMin: minute }) }),
    fc.record({ type: fc.constant('weekday-and-time-of-day' as const), restrictions: fc.array(weekdaySpan, { minLength: 1, maxLength: 3 }) }),
  );

  it("is on call exactly when Opsgenie's rule says, across midnight, the week's end and DST changes (property)", () => {
    fc.assert(
      fc.property(
        timeRestriction,
        fc.constantFrom('America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'UTC'),
        // Minutes through 2027, both DST changes included.
        fc.integer({ min: Date.parse('2027-01-01T00:00:00Z') / 60_000, max: Date.parse('2028-01-01T00:00:00Z') / 60_000 }).map((m) => m * 60_000),
        (r, tz, at) => {
          const mapped = restrictionOf(r);
          fc.pre('restriction' in mapped);
          if (!('restriction' in mapped)) return;
          expect(compileRestriction(mapped.restriction, zone(tz)).activeAt(at)).toBe(opsgenieActive(r, tz, at));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees at every minute of the days around New York\'s spring DST change, for a nightly window', () => {
    const r: OgTimeRestriction = { type: 'time-of-day', restriction: { startHour: 22, startMin: 0, endHour: 8, endMin: 0 } };
    const mapped = restrictionOf(r);
    if (!('restriction' in mapped)) throw new Error(mapped.unmappable);
    const mask = compileRestriction(mapped.restriction, zone('America/New_York'));
    for (let at = Date.parse('2027-03-13T00:00:00Z'); at < Date.parse('2027-03-16T00:00:00Z'); at += 60_000) expect(mask.activeAt(at)).toBe(opsgenieActive(r, 'America/New_York', at));
  });
});
