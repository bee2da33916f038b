import { describe, expect, it } from 'vitest';
import { onCallHours } from './hours-report.js';
import { editLayer } from './layer-version.js';
import type { Restriction, Schedule } from './types.js';

const ms = (text: string) => Date.parse(text);

function schedule(zone: string, members: string[], restriction: Restriction = { kind: 'always' }): Schedule {
  const draft = { timeZone: zone, rotation: { kind: 'daily' as const, handoffTime: '00:00' }, restriction, members };
  return { timeZone: zone, layers: [{ id: 'L', name: 'L', versions: editLayer([], draft, ms('2023-01-01T00:00Z')) }], overrides: [], fixedShifts: [] };
}

describe('onCallHours', () => {
  it('splits a week into business hours, nights and weekends', () => {
    expect(onCallHours(schedule('UTC', ['ann']), ms('2024-01-08T00:00Z'), ms('2024-01-15T00:00Z'))).toEqual([
      { userId: 'ann', total: 168, businessHours: 40, nights: 80, weekends: 48, holidays: 0 },
    ]);
  });

  it('counts the 25-hour and 23-hour Sundays in the schedule zone (Chicago)', () => {
    const fall = onCallHours(schedule('America/Chicago', ['ann']), ms('2024-10-28T05:00Z'), ms('2024-11-04T06:00Z'));
    expect(fall).toEqual([{ userId: 'ann', total: 169, businessHours: 40, nights: 80, weekends: 49, holidays: 0 }]);
    const spring = onCallHours(schedule('America/Chicago', ['ann']), ms('2024-03-04T06:00Z'), ms('2024-03-11T05:00Z'));
    expect(spring).toEqual([{ userId: 'ann', total: 167, businessHours: 40, nights: 80, weekends: 47, holidays: 0 }]);
  });

  it('handles DST at midnight (Beirut): the weekend of 30-31 March is 47 h', () => {
    const r = onCallHours(schedule('Asia/Beirut', ['ann']), ms('2024-03-29T22:00Z'), ms('2024-03-31T21:00Z'));
    expect(r).toEqual([{ userId: 'ann', total: 47, businessHours: 0, nights: 0, weekends: 47, holidays: 0 }]);
  });

  it('splits per user and only counts time as primary', () => {
    const r = onCallHours(schedule('UTC', ['ann', 'bob'], { kind: 'business_hours' }), ms('2024-01-08T00:00Z'), ms('2024-01-15T00:00Z'));
    // Daily midnight handoffs from 2023-01-01: 2024-01-08 is turn 372, ann's.
    expect(r).toEqual([
      { userId: 'ann', total: 24, businessHours: 24, nights: 0, weekends: 0, holidays: 0 },
      { userId: 'bob', total: 16, businessHours: 16, nights: 0, weekends: 0, holidays: 0 },
    ]);
  });

  it('can report in another zone than the schedule', () => {
    const r = onCallHours(schedule('UTC', ['ann']), ms('2024-01-08T00:00Z'), ms('2024-01-09T00:00Z'), 'Asia/Tokyo');
    // Monday 09:00-Tuesday 09:00 JST: 8 h business, 16 h night.
    expect(r).toEqual([{ userId: 'ann', total: 24, businessHours: 8, nights: 16, weekends: 0, holidays: 0 }]);
  });
});
