import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRotation, turnAt } from '../../schedule/rotation.js';
import { zone } from '../../time/zone.js';
import { rotationOf, type MappedRotation } from './rotation.js';
import type { GaRotation } from './types.js';

const rotation = (extra: Partial<GaRotation>): GaRotation => ({
  id: 'r',
  name: 'R',
  description: '',
  start: '2026-01-05T14:00:00Z',
  timeZone: 'America/New_York',
  type: 'weekly',
  shiftLength: 1,
  activeUserIndex: 0,
  userIDs: ['a', 'b', 'c'],
  ...extra,
});
const mapped = (m: ReturnType<typeof rotationOf>): MappedRotation => {
  if ('unmappable' in m) throw new Error(m.unmappable);
  return m;
};
/** The member Vigil puts on call at `at`. */
const vigilMember = (m: MappedRotation, tz: string, at: number) => m.members[((turnAt(compileRotation(m.rotation, zone(tz)), at).turn % m.members.length) + m.members.length) % m.members.length];

describe('rotationOf', () => {
  const now = Date.parse('2027-03-01T12:00:00Z');

  it("anchors at GoAlert's start in its zone and rotates the members so the active user is on call now", () => {
    const m = mapped(rotationOf(rotation({ activeUserIndex: 1 }), 'America/New_York', now));
    expect(m.rotation).toEqual({ kind: 'custom', every: 1, unit: 'weeks', anchor: '2026-01-05T09:00' });
    expect(vigilMember(m, 'America/New_York', now)).toBe('b');
    // Then the next one each Monday 09:00 local, across the DST change of 14 March.
    expect(vigilMember(m, 'America/New_York', Date.parse('2027-03-01T14:00:00Z'))).toBe('c');
    expect(vigilMember(m, 'America/New_York', Date.parse('2027-03-15T12:59:00Z'))).toBe('a');
    expect(vigilMember(m, 'America/New_York', Date.parse('2027-03-15T13:00:00Z'))).toBe('b');
  });

  it('hours, days and weeks: the largest whole unit', () => {
    expect(mapped(rotationOf(rotation({ type: 'hourly', shiftLength: 48 }), 'America/New_York', now)).rotation).toMatchObject({ every: 2, unit: 'days' });
    expect(mapped(rotationOf(rotation({ type: 'daily', shiftLength: 14 }), 'America/New_York', now)).rotation).toMatchObject({ every: 2, unit: 'weeks' });
    expect(mapped(rotationOf(rotation({ type: 'hourly', shiftLength: 8 }), 'America/New_York', now)).rotation).toMatchObject({ every: 8, unit: 'hours' });
  });

  it('monthly cannot be expressed; hours that do not divide a day are reported in a DST zone', () => {
    expect(rotationOf(rotation({ type: 'monthly' }), 'UTC', now)).toEqual({ unmappable: expect.stringContaining('monthly') });
    expect(mapped(rotationOf(rotation({ type: 'hourly', shiftLength: 5 }), 'America/New_York', now)).notes).toEqual([expect.stringContaining('5-hour handoffs')]);
    expect(mapped(rotationOf(rotation({ type: 'hourly', shiftLength: 5, timeZone: 'Asia/Kolkata' }), 'Asia/Kolkata', now)).notes).toEqual([]);
  });

  it("in the schedule's zone, anchors at the current handoff read there, with the active user first", () => {
    const m = mapped(rotationOf(rotation({ activeUserIndex: 2 }), 'Europe/Berlin', now));
    // The turn in force began Monday 22 February 09:00 New York, 15:00 Berlin.
    expect(m.rotation).toEqual({ kind: 'custom', every: 1, unit: 'weeks', anchor: '2027-02-22T15:00' });
    expect(m.members).toEqual(['c', 'a', 'b']);
    expect(m.notes).toEqual([expect.stringContaining('move by the zones')]);
  });

  // GoAlert's rotation.go read directly: shifts counted in clock time from the start, activeUserIndex now.
  const goAlertUser = (r: GaRotation, at: number) => {
    const own = zone(r.timeZone);
    const shift = r.shiftLength * (r.type === 'hourly' ? 3_600_000 : r.type === 'daily' ? 86_400_000 : 604_800_000);
    const turn = (t: number) => Math.floor((own.toWall(t) - own.toWall(Date.parse(r.start))) / shift);
    const n = r.userIDs.length;
    return r.userIDs[(((r.activeUserIndex + turn(at) - turn(now)) % n) + n) % n];
  };

  it('puts on call whom GoAlert does at any later minute, in zones without DST (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('hourly' as const, 'daily' as const, 'weekly' as const),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: Date.parse('2020-01-01T00:00:00Z') / 60_000, max: Date.parse('2027-01-01T00:00:00Z') / 60_000 }).map((m) => new Date(m * 60_000).toISOString()),
        fc.integer({ min: 1, max: 5 }),
        fc.nat(),
        fc.integer({ min: 0, max: 60 * 24 * 60 }).map((m) => m * 60_000),
        fc.constantFrom('UTC', 'Asia/Kolkata', 'Asia/Tokyo'),
        (type, shiftLength, start, n, active, later, tz) => {
          const r = rotation({ type, shiftLength, start, timeZone: tz, userIDs: ['a', 'b', 'c', 'd', 'e'].slice(0, n), activeUserIndex: active % n });
          const m = mapped(rotationOf(r, tz, now));
          expect(vigilMember(m, tz, now + later)).toBe(goAlertUser(r, now + later));
        },
      ),
      { numRuns: 300 },
    );
  });
});
