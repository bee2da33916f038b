import { describe, expect, it } from 'vitest';
import { zone } from '../time/zone.js';
import { compileRestriction, restrictionWindows } from './restriction.js';
import type { DailyWindow, Restriction, RestrictionWindow } from './types.js';

const iso = (ms: number) => new Date(ms).toISOString().replace(':00.000Z', 'Z');
const ms = (text: string) => Date.parse(text);

/** Active intervals within [from, to), found by jumping from edge to edge. */
function activeSpans(restriction: Restriction, tz: string, from: string, to: string): string[] {
  const mask = compileRestriction(restriction, zone(tz));
  const end = ms(to);
  const out: string[] = [];
  let t = ms(from);
  let openedAt: number | null = null;
  while (t < end) {
    const active = mask.activeAt(t);
    if (active && openedAt === null) openedAt = t;
    if (!active && openedAt !== null) {
      out.push(`${iso(openedAt)}/${iso(t)}`);
      openedAt = null;
    }
    const next = mask.nextEdge(t);
    expect(next).toBeGreaterThan(t);
    t = next;
  }
  if (openedAt !== null) out.push(`${iso(openedAt)}/…`);
  return out;
}

const custom = (...windows: RestrictionWindow[]): Restriction => ({ kind: 'custom', windows });

describe('presets', () => {
  it('always is always active', () => {
    expect(activeSpans({ kind: 'always' }, 'UTC', '2024-01-01T00:00Z', '2024-02-01T00:00Z')).toEqual(['2024-01-01T00:00Z/…']);
  });

  it('business hours are Monday to Friday 09:00-17:00 local', () => {
    expect(activeSpans({ kind: 'business_hours' }, 'America/Chicago', '2024-01-12T00:00Z', '2024-01-16T00:00Z')).toEqual([
      '2024-01-12T15:00Z/2024-01-12T23:00Z',
      '2024-01-15T15:00Z/2024-01-15T23:00Z',
    ]);
  });

  it('weekends run from Saturday 00:00 to Monday 00:00', () => {
    expect(activeSpans({ kind: 'weekends' }, 'Europe/London', '2024-01-10T00:00Z', '2024-01-22T01:00Z')).toEqual([
      '2024-01-13T00:00Z/2024-01-15T00:00Z',
      '2024-01-20T00:00Z/2024-01-22T00:00Z',
    ]);
  });
});

describe('custom windows', () => {
  it('cross midnight', () => {
    const r = custom({ startDay: 1, startTime: '22:00', endDay: 2, endTime: '06:00' });
    expect(activeSpans(r, 'UTC', '2024-01-08T00:00Z', '2024-01-15T00:00Z')).toEqual(['2024-01-08T22:00Z/2024-01-09T06:00Z']);
  });

  it('cross the week end, start inclusive and end exclusive', () => {
    const r = custom({ startDay: 7, startTime: '20:00', endDay: 1, endTime: '08:00' });
    const mask = compileRestriction(r, zone('UTC'));
    expect(mask.activeAt(ms('2024-01-14T20:00Z'))).toBe(true);
    expect(mask.activeAt(ms('2024-01-14T19:59Z'))).toBe(false);
    expect(mask.activeAt(ms('2024-01-15T07:59Z'))).toBe(true);
    expect(mask.activeAt(ms('2024-01-15T08:00Z'))).toBe(false);
    expect(activeSpans(r, 'UTC', '2024-01-15T00:00Z', '2024-01-23T00:00Z')).toEqual([
      '2024-01-15T00:00Z/2024-01-15T08:00Z',
      '2024-01-21T20:00Z/2024-01-22T08:00Z',
    ]);
  });

  it('merge when they touch or overlap, also across the week end', () => {
    const r = custom(
      { startDay: 1, startTime: '00:00', endDay: 1, endTime: '12:00' },
      { startDay: 7, startTime: '12:00', endDay: 1, endTime: '00:00' },
      { startDay: 1, startTime: '11:00', endDay: 1, endTime: '13:00' },
    );
    expect(activeSpans(r, 'UTC', '2024-01-08T00:00Z', '2024-01-15T00:00Z')).toEqual([
      '2024-01-08T00:00Z/2024-01-08T13:00Z',
      '2024-01-14T12:00Z/…',
    ]);
  });

  it('a window ending where it starts covers the whole week', () => {
    const r = custom({ startDay: 3, startTime: '10:00', endDay: 3, endTime: '10:00' });
    expect(activeSpans(r, 'America/Chicago', '2024-03-01T00:00Z', '2024-04-01T00:00Z')).toEqual(['2024-03-01T00:00Z/…']);
  });

  it('no windows means never active', () => {
    expect(activeSpans(custom(), 'UTC', '2024-01-01T00:00Z', '2024-01-10T00:00Z')).toEqual([]);
  });

  it('rejects bad weekdays', () => {
    expect(() => compileRestriction(custom({ startDay: 0 as 1, startTime: '00:00', endDay: 1, endTime: '01:00' }), zone('UTC'))).toThrow(RangeError);
  });
});

const daily = (...windows: DailyWindow[]): Restriction => ({ kind: 'daily', windows });

describe('daily windows', () => {
  it('Mon–Fri 09:00–17:00 is one entry and equals business hours', () => {
    const r = daily({ days: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '17:00' });
    expect(restrictionWindows(r)).toEqual(restrictionWindows({ kind: 'business_hours' }));
    expect(activeSpans(r, 'America/Chicago', '2024-01-12T00:00Z', '2024-01-16T00:00Z')).toEqual(
      activeSpans({ kind: 'business_hours' }, 'America/Chicago', '2024-01-12T00:00Z', '2024-01-16T00:00Z'),
    );
  });

  it('every day 08:00–10:00', () => {
    const r = daily({ days: [1, 2, 3, 4, 5, 6, 7], startTime: '08:00', endTime: '10:00' });
    expect(activeSpans(r, 'UTC', '2024-01-13T00:00Z', '2024-01-15T00:00Z')).toEqual(['2024-01-13T08:00Z/2024-01-13T10:00Z', '2024-01-14T08:00Z/2024-01-14T10:00Z']);
  });

  it('an end before the start runs past midnight into the next day, Sunday into Monday', () => {
    const r = daily({ days: [5, 7], startTime: '22:00', endTime: '06:00' });
    expect(restrictionWindows(r)).toEqual([
      { startDay: 5, startTime: '22:00', endDay: 6, endTime: '06:00' },
      { startDay: 7, startTime: '22:00', endDay: 1, endTime: '06:00' },
    ]);
    expect(activeSpans(r, 'UTC', '2024-01-12T00:00Z', '2024-01-16T00:00Z')).toEqual(['2024-01-12T22:00Z/2024-01-13T06:00Z', '2024-01-14T22:00Z/2024-01-15T06:00Z']);
  });

  it('an (unvalidated) end equal to the start is a whole day, never the whole week', () => {
    const r = daily({ days: [3], startTime: '10:00', endTime: '10:00' });
    expect(activeSpans(r, 'UTC', '2024-01-08T00:00Z', '2024-01-15T00:00Z')).toEqual(['2024-01-10T10:00Z/2024-01-11T10:00Z']);
  });

  it('follow the wall clock on DST change days (Chicago): 23 h and 25 h days keep their local hours', () => {
    const nights = daily({ days: [6], startTime: '22:00', endTime: '04:00' });
    // Same as the weekly window Sat 22:00 → Sun 04:00: 5 h at spring forward, 7 h at fall back.
    expect(activeSpans(nights, 'America/Chicago', '2024-03-09T12:00Z', '2024-03-11T00:00Z')).toEqual(['2024-03-10T04:00Z/2024-03-10T09:00Z']);
    expect(activeSpans(nights, 'America/Chicago', '2024-11-02T12:00Z', '2024-11-04T00:00Z')).toEqual(['2024-11-03T03:00Z/2024-11-03T10:00Z']);
    const sunday = daily({ days: [7], startTime: '01:30', endTime: '03:00' });
    // Spring forward: 01:30 CST = 07:30Z, 03:00 CDT = 08:00Z. Fall back: 01:30 CDT (first) = 06:30Z, 03:00 CST = 09:00Z.
    expect(activeSpans(sunday, 'America/Chicago', '2024-03-09T12:00Z', '2024-03-11T00:00Z')).toEqual(['2024-03-10T07:30Z/2024-03-10T08:00Z']);
    expect(activeSpans(sunday, 'America/Chicago', '2024-11-02T12:00Z', '2024-11-04T00:00Z')).toEqual(['2024-11-03T06:30Z/2024-11-03T09:00Z']);
  });
});

describe('DST', () => {
  const night = custom({ startDay: 6, startTime: '22:00', endDay: 7, endTime: '04:00' });

  it('Chicago: a window across midnight is 5 h on spring-forward night and 7 h on fall-back night', () => {
    expect(activeSpans(night, 'America/Chicago', '2024-03-09T12:00Z', '2024-03-11T00:00Z')).toEqual(['2024-03-10T04:00Z/2024-03-10T09:00Z']);
    expect(activeSpans(night, 'America/Chicago', '2024-11-02T12:00Z', '2024-11-04T00:00Z')).toEqual(['2024-11-03T03:00Z/2024-11-03T10:00Z']);
  });

  it('Chicago: business hours on 23 h and 25 h days keep 09:00-17:00 local', () => {
    expect(activeSpans({ kind: 'business_hours' }, 'America/Chicago', '2024-11-01T00:00Z', '2024-11-05T00:00Z')).toEqual([
      '2024-11-01T14:00Z/2024-11-01T22:00Z',
      '2024-11-04T15:00Z/2024-11-04T23:00Z',
    ]);
  });

  it('Chicago fall back: an end in the repeated hour uses its last occurrence, a start its first, so windows overlap', () => {
    const r = custom(
      { startDay: 7, startTime: '00:00', endDay: 7, endTime: '01:00' },
      { startDay: 7, startTime: '01:45', endDay: 7, endTime: '03:00' },
    );
    // 00:00 CDT = 05:00Z; 01:00 CST = 07:00Z; 01:45 CDT = 06:45Z; 03:00 CST = 09:00Z.
    expect(activeSpans(r, 'America/Chicago', '2024-11-02T12:00Z', '2024-11-04T00:00Z')).toEqual(['2024-11-03T05:00Z/2024-11-03T09:00Z']);
    const mask = compileRestriction(r, zone('America/Chicago'));
    expect(mask.activeAt(ms('2024-11-03T07:10Z'))).toBe(true); // 01:10 CST: in neither window by the wall clock
    expect(activeSpans(r, 'America/Chicago', '2024-11-09T12:00Z', '2024-11-11T00:00Z')).toEqual([
      '2024-11-10T06:00Z/2024-11-10T07:00Z',
      '2024-11-10T07:45Z/2024-11-10T09:00Z',
    ]);
  });

  it('Chicago spring forward: a window starting in the gap starts when the gap ends', () => {
    const r = custom({ startDay: 7, startTime: '02:15', endDay: 7, endTime: '05:00' });
    expect(activeSpans(r, 'America/Chicago', '2024-03-09T12:00Z', '2024-03-11T00:00Z')).toEqual(['2024-03-10T08:00Z/2024-03-10T10:00Z']);
  });

  it('Santiago (DST at midnight): a window across midnight is 7 h at fall back and 5 h at spring forward', () => {
    expect(activeSpans(night, 'America/Santiago', '2024-04-06T12:00Z', '2024-04-08T00:00Z')).toEqual(['2024-04-07T01:00Z/2024-04-07T08:00Z']);
    expect(activeSpans(night, 'America/Santiago', '2024-09-07T12:00Z', '2024-09-09T00:00Z')).toEqual(['2024-09-08T02:00Z/2024-09-08T07:00Z']);
  });

  it('Beirut (DST at midnight): weekends start at the first instant after the skipped midnight', () => {
    // 2024-03-31 is a Sunday; Saturday 00:00 on the 30th exists, Monday 00:00 on 1 April is +03.
    expect(activeSpans({ kind: 'weekends' }, 'Asia/Beirut', '2024-03-29T00:00Z', '2024-04-02T00:00Z')).toEqual(['2024-03-29T22:00Z/2024-03-31T21:00Z']);
    // Fall back at midnight 26/27 Oct: Saturday 26 23:00-24:00 repeats; all inside the weekend.
    expect(activeSpans({ kind: 'weekends' }, 'Asia/Beirut', '2024-10-25T00:00Z', '2024-10-29T00:00Z')).toEqual(['2024-10-25T21:00Z/2024-10-27T22:00Z']);
  });

  it('Lord Howe: a window over the 30-minute gap lasts 90 minutes', () => {
    const r = custom({ startDay: 7, startTime: '01:00', endDay: 7, endTime: '03:00' });
    expect(activeSpans(r, 'Australia/Lord_Howe', '2024-10-05T00:00Z', '2024-10-06T12:00Z')).toEqual(['2024-10-05T14:30Z/2024-10-05T16:00Z']);
  });

  it('Tokyo: business hours are 00:00-08:00 UTC', () => {
    expect(activeSpans({ kind: 'business_hours' }, 'Asia/Tokyo', '2024-03-11T00:00Z', '2024-03-12T00:00Z')).toEqual(['2024-03-11T00:00Z/2024-03-11T08:00Z']);
  });
});
