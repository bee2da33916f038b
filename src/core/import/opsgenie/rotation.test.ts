import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRotation, turnAt } from '../../schedule/rotation.js';
import { zone } from '../../time/zone.js';
import { rotationOf } from './rotation.js';

describe('rotationOf', () => {
  it('anchors a custom rotation at the start date, read in the schedule zone', () => {
    expect(rotationOf({ startDate: '2026-01-05T09:00:00-05:00', type: 'weekly', length: 1 }, 'America/New_York')).toEqual({ rotation: { kind: 'custom', every: 1, unit: 'weeks', anchor: '2026-01-05T09:00' } });
    expect(rotationOf({ startDate: '2026-01-05T14:00:00Z', type: 'daily', length: 2 }, 'Europe/Berlin')).toEqual({ rotation: { kind: 'custom', every: 2, unit: 'days', anchor: '2026-01-05T15:00' } });
    expect(rotationOf({ startDate: '2026-03-01T01:30:00+05:30', type: 'hourly', length: 8 }, 'Asia/Kolkata')).toEqual({ rotation: { kind: 'custom', every: 8, unit: 'hours', anchor: '2026-03-01T01:30' } });
  });

  it('a missing length is 1, as Opsgenie defaults it', () => {
    expect(rotationOf({ startDate: '2026-01-05T09:00:00Z', type: 'daily' }, 'UTC')).toEqual({ rotation: { kind: 'custom', every: 1, unit: 'days', anchor: '2026-01-05T09:00' } });
  });

  it('says why it cannot map a bad date, type or length', () => {
    expect(rotationOf({ startDate: 'soon', type: 'daily' }, 'UTC')).toEqual({ unmappable: expect.stringContaining('not a date') });
    expect(rotationOf({ startDate: '2026-01-05T09:00:00Z', type: 'monthly' as 'daily' }, 'UTC')).toEqual({ unmappable: expect.stringContaining('"monthly"') });
    expect(rotationOf({ startDate: '2026-01-05T09:00:00Z', type: 'daily', length: 0 }, 'UTC')).toEqual({ unmappable: expect.stringContaining('length 0') });
  });

  it("counts the same turns as Opsgenie's elapsed hourly turns in a zone without DST (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: Date.parse('2020-01-01T00:00:00Z') / 1_800_000, max: Date.parse('2030-01-01T00:00:00Z') / 1_800_000 }).map((m) => m * 1_800_000),
        fc.integer({ min: 0, max: 5_000_000 }).map((m) => m * 60_000),
        fc.constantFrom('UTC', 'Asia/Kolkata', 'Asia/Tokyo'),
        (hours, start, later, tz) => {
          const mapped = rotationOf({ startDate: new Date(start).toISOString(), type: 'hourly', length: hours }, tz);
          if (!('rotation' in mapped)) throw new Error(mapped.unmappable);
          const handoffs = compileRotation(mapped.rotation, zone(tz));
          expect(turnAt(handoffs, start + later).turn - turnAt(handoffs, start).turn).toBe(Math.floor(later / (hours * 3_600_000)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps daily handoffs at the same local time across a DST change, as Opsgenie does', () => {
    const mapped = rotationOf({ startDate: '2027-03-10T18:00:00-05:00', type: 'daily', length: 1 }, 'America/New_York');
    if (!('rotation' in mapped)) throw new Error(mapped.unmappable);
    const handoffs = compileRotation(mapped.rotation, zone('America/New_York'));
    const start = Date.parse('2027-03-10T23:00:00Z');
    // 14 March: 18:00 EDT is 22:00 UTC, and turn 4 begins there.
    expect(turnAt(handoffs, Date.parse('2027-03-14T21:59:00Z')).turn - turnAt(handoffs, start).turn).toBe(3);
    expect(turnAt(handoffs, Date.parse('2027-03-14T22:00:00Z')).turn - turnAt(handoffs, start).turn).toBe(4);
  });
});
