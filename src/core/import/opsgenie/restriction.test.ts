import { describe, expect, it } from 'vitest';
import { restrictionOf } from './restriction.js';

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
});
