import { describe, expect, it } from 'vitest';
import { personHours } from './person-hours.js';

const ms = (text: string) => Date.parse(text);
const span = (start: string, end: string) => ({ start: ms(start), end: ms(end) });

describe('personHours', () => {
  it('splits shifts into business hours, nights and weekends in the zone', () => {
    // Friday 08:00 to Saturday 10:00 UTC: 1 h night, 8 h business, 7 h evening, 10 h of Saturday.
    expect(personHours([span('2024-01-12T08:00Z', '2024-01-13T10:00Z')], ms('2024-01-01T00:00Z'), ms('2024-02-01T00:00Z'), 'UTC')).toEqual({
      total: 26,
      businessHours: 8,
      nights: 8,
      weekends: 10,
      holidays: 0,
    });
    // The same instants in Tokyo (UTC+9): Friday 17:00 to Saturday 19:00.
    expect(personHours([span('2024-01-12T08:00Z', '2024-01-13T10:00Z')], ms('2024-01-01T00:00Z'), ms('2024-02-01T00:00Z'), 'Asia/Tokyo')).toEqual({
      total: 26,
      businessHours: 0,
      nights: 7,
      weekends: 19,
      holidays: 0,
    });
  });

  it('counts time on call on two schedules at once only once', () => {
    const shifts = [span('2024-01-08T00:00Z', '2024-01-08T10:00Z'), span('2024-01-08T06:00Z', '2024-01-08T12:00Z'), span('2024-01-08T07:00Z', '2024-01-08T08:00Z')];
    expect(personHours(shifts, ms('2024-01-01T00:00Z'), ms('2024-02-01T00:00Z'), 'UTC')).toEqual({ total: 12, businessHours: 3, nights: 9, weekends: 0, holidays: 0 });
  });

  it('counts only what falls inside the range', () => {
    // A week-long shift across the end of January: only its January part counts.
    const shifts = [span('2024-01-29T00:00Z', '2024-02-05T00:00Z')];
    expect(personHours(shifts, ms('2024-01-01T00:00Z'), ms('2024-02-01T00:00Z'), 'UTC').total).toBe(72);
    expect(personHours([], ms('2024-01-01T00:00Z'), ms('2024-02-01T00:00Z'), 'UTC')).toEqual({ total: 0, businessHours: 0, nights: 0, weekends: 0, holidays: 0 });
  });

  it('counts the 25-hour fall-back Sunday in the zone (Chicago)', () => {
    const r = personHours([span('2024-11-03T05:00Z', '2024-11-04T06:00Z')], ms('2024-11-01T05:00Z'), ms('2024-12-01T06:00Z'), 'America/Chicago');
    expect(r).toEqual({ total: 25, businessHours: 0, nights: 0, weekends: 25, holidays: 0 });
  });
});
