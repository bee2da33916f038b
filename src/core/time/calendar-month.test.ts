import { describe, expect, it } from 'vitest';
import { calendarMonthOf } from './calendar-month.js';

const at = (iso: string) => Date.parse(iso);
const iso = (r: { start: number; end: number }) => [new Date(r.start).toISOString(), new Date(r.end).toISOString()];

describe('calendarMonthOf', () => {
  it('runs from local midnight on the 1st to the next 1st', () => {
    expect(iso(calendarMonthOf(at('2026-11-30T19:00:00Z'), 'UTC'))).toEqual(['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
    // Chicago: November starts in CDT (UTC-5) and ends in CST (UTC-6).
    expect(iso(calendarMonthOf(at('2026-11-15T12:00:00Z'), 'America/Chicago'))).toEqual(['2026-11-01T05:00:00.000Z', '2026-12-01T06:00:00.000Z']);
  });

  it('reads the month on the wall clock of the zone, not in UTC', () => {
    // 1 December 03:00Z is still 30 November in Chicago, and already 1 December in Tokyo.
    const instant = at('2026-12-01T03:00:00Z');
    expect(iso(calendarMonthOf(instant, 'America/Chicago'))[0]).toBe('2026-11-01T05:00:00.000Z');
    expect(iso(calendarMonthOf(instant, 'Asia/Tokyo'))).toEqual(['2026-11-30T15:00:00.000Z', '2026-12-31T15:00:00.000Z']);
  });

  it('wraps December into the next year', () => {
    expect(iso(calendarMonthOf(at('2026-12-31T23:59:59Z'), 'UTC'))).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });

  it('starts a month whose midnight DST skips at the first instant after the gap', () => {
    // Asunción sprang forward at midnight on Sunday 1 October 2023: 00:00 (-04) became 01:00 (-03).
    expect(iso(calendarMonthOf(at('2023-10-15T12:00:00Z'), 'America/Asuncion'))).toEqual(['2023-10-01T04:00:00.000Z', '2023-11-01T03:00:00.000Z']);
  });
});
