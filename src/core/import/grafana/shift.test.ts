import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerOf } from './shift.js';
import type { GoShift } from './types.js';

const shift = (extra: Partial<GoShift>): GoShift => ({
  id: 'o1',
  name: 'Primary',
  type: 'rolling_users',
  team_id: null,
  time_zone: null,
  level: 0,
  start: '2027-01-04T09:00:00',
  duration: 7 * 86400,
  frequency: 'weekly',
  interval: 1,
  rolling_users: [['a'], ['b'], ['c']],
  ...extra,
});
const layer = (s: GoShift) => {
  const mapped = layerOf(s, 'Europe/Berlin');
  if ('unmappable' in mapped) throw new Error(mapped.unmappable);
  return mapped;
};

describe('layerOf', () => {
  it("a weekly rotation as long as its turn: always on, anchored at its start, in the schedule's zone unless its own", () => {
    expect(layer(shift({})).layer).toEqual({
      name: 'Primary',
      timeZone: 'Europe/Berlin',
      rotation: { kind: 'custom', every: 1, unit: 'weeks', anchor: '2027-01-04T09:00' },
      restriction: { kind: 'always' },
      members: ['a', 'b', 'c'],
    });
    expect(layer(shift({ time_zone: 'America/New_York' })).layer.timeZone).toBe('America/New_York');
  });

  it('starts the members at start_rotation_from_user_index and keeps the first of a group, reported', () => {
    const { layer: l, notes } = layer(shift({ rolling_users: [['a', 'x'], ['b'], ['c']], start_rotation_from_user_index: 2 }));
    expect(l.members).toEqual(['c', 'a', 'b']);
    expect(notes).toEqual([expect.stringContaining('keeps its first user')]);
  });

  it('a daily shift shorter than a day: a window every day, across midnight when it ends the next day', () => {
    const l = layer(shift({ frequency: 'daily', start: '2027-01-04T20:00:00', duration: 12 * 3600 })).layer;
    expect(l.rotation).toEqual({ kind: 'custom', every: 1, unit: 'days', anchor: '2027-01-04T20:00' });
    expect(l.restriction).toEqual({ kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: '20:00', endTime: '08:00' }] });
  });

  it('a weekly shift on chosen days: a daily window on those days, handing over weekly', () => {
    const { layer: l, notes } = layer(shift({ by_day: ['FR', 'MO', 'WE'], week_start: 'MO', duration: 8 * 3600 }));
    expect(l.restriction).toEqual({ kind: 'daily', windows: [{ days: [1, 3, 5], startTime: '09:00', endTime: '17:00' }] });
    expect(notes).toEqual([]);
    // Starting on a Wednesday when the week begins on Monday hands over mid-week in Vigil only.
    expect(layer(shift({ start: '2027-01-06T09:00:00', by_day: ['MO', 'WE'], week_start: 'MO', duration: 3600 })).notes).toEqual([expect.stringContaining('week_start')]);
  });

  it('a weekly shift shorter than a week without days: one weekly window, here Friday evening to Monday morning', () => {
    const l = layer(shift({ start: '2027-01-08T18:00:00', duration: (2 * 24 + 14) * 3600 })).layer;
    expect(l.restriction).toEqual({ kind: 'custom', windows: [{ startDay: 5, startTime: '18:00', endDay: 1, endTime: '08:00' }] });
  });

  it('an hourly rotation of 8 hours, always on', () => {
    const l = layer(shift({ frequency: 'hourly', interval: 8, duration: 8 * 3600 })).layer;
    expect([l.rotation, l.restriction]).toEqual([{ kind: 'custom', every: 8, unit: 'hours', anchor: '2027-01-04T09:00' }, { kind: 'always' }]);
  });

  it('leaves out what no layer can say, saying why', () => {
    const why = (s: Partial<GoShift>) => {
      const mapped = layerOf(shift(s), 'UTC');
      return 'unmappable' in mapped ? mapped.unmappable : null;
    };
    expect(why({ type: 'single_event' })).toMatch(/a single_event shift is not imported/);
    expect(why({ frequency: 'monthly' })).toMatch(/repeats monthly/);
    expect(why({ frequency: 'daily', by_day: ['MO'], duration: 3600 })).toMatch(/changes hands per event/);
    expect(why({ frequency: 'daily', interval: 2, duration: 3600 })).toMatch(/shorter than its turn of 2 days/);
    expect(why({ by_monthday: [1] })).toMatch(/days of the month/);
  });

  it('a recurrent event is one group of its users', () => {
    expect(layer(shift({ type: 'recurrent_event', rolling_users: null, users: ['u'] })).layer.members).toEqual(['u']);
  });

  it('any daily window of under a day keeps its start and its end (start + duration, across midnight)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1439 }), (startMinute, minutes) => {
        const hh = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const l = layer(shift({ frequency: 'daily', start: `2027-01-04T${hh(startMinute)}:00`, duration: minutes * 60 })).layer;
        expect(l.restriction).toEqual({ kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: hh(startMinute), endTime: hh(startMinute + minutes) }] });
      }),
    );
  });
});
