import { describe, expect, it } from 'vitest';
import { mapSchedule } from './schedule.js';
import type { GoSchedule, GoShift } from './types.js';

const now = Date.parse('2027-03-01T12:00:00Z');
const shift = (id: string, level: number, extra: Partial<GoShift> = {}): GoShift => ({
  id,
  name: id,
  type: 'rolling_users',
  team_id: null,
  time_zone: null,
  level,
  start: '2027-01-04T09:00:00',
  duration: 7 * 86400,
  frequency: 'weekly',
  interval: 1,
  rolling_users: [['a'], ['b']],
  ...extra,
});
const schedule = (shifts: string[], extra: Partial<GoSchedule> = {}): GoSchedule => ({ id: 's', name: 'Ops', type: 'calendar', team_id: 't', time_zone: 'Asia/Tokyo', shifts, ...extra });
const all = (...s: GoShift[]) => new Map(s.map((x) => [x.id, x]));

describe('mapSchedule', () => {
  it('a layer per shift, the highest level on top, in the schedule zone and team', () => {
    const s = mapSchedule(schedule(['low', 'high']), all(shift('low', 0), shift('high', 2, { frequency: 'daily', duration: 3600 })), now);
    expect([s.timeZone, s.teamSourceId]).toEqual(['Asia/Tokyo', 't']);
    expect(s.layers.map((l) => [l.name, l.timeZone])).toEqual([
      ['high', 'Asia/Tokyo'],
      ['low', 'Asia/Tokyo'],
    ]);
    expect(s.notes).toEqual([]);
  });

  it("says, when a layer's zone changes its clock within a year, that OnCall's own handoffs drift by the change and Vigil's do not", () => {
    const s = mapSchedule(schedule(['low', 'high']), all(shift('low', 0), shift('high', 2, { frequency: 'daily', duration: 3600, time_zone: 'Europe/Berlin' })), now);
    expect(s.notes.map((n) => `${n.subject}: ${n.reason}`)).toEqual([expect.stringMatching(/^schedule "Ops": its shifts' handoffs: Grafana OnCall keeps each event's elapsed length when the clock changes, .*grafana\/oncall#5247/)]);
  });

  it('leaves out ended shifts, reports those that end or start later and equal levels', () => {
    const s = mapSchedule(
      schedule(['gone', 'ends', 'later']),
      all(shift('gone', 1, { until: '2027-01-31T00:00:00' }), shift('ends', 1, { until: '2027-06-30T00:00:00' }), shift('later', 1, { start: '2027-04-01T09:00:00' })),
      now,
    );
    expect(s.layers.map((l) => l.name)).toEqual(['ends', 'later']);
    expect(s.notes.map((n) => `${n.subject}: ${n.reason}`)).toEqual([
      'schedule "Ops" shift "ends": ends 2027-06-30T00:00:00 in Grafana OnCall; the Vigil layer goes on (remove it then)',
      'schedule "Ops" shift "later": starts 2027-04-01T09:00:00 in Grafana OnCall; the Vigil layer is on call before',
      'schedule "Ops" shift "later": shares level 1 with another shift: Grafana OnCall pages both where they overlap, Vigil the layer above',
    ]);
  });

  it('an ical schedule, or one whose shifts cannot be, is reported and has no layer', () => {
    expect(mapSchedule(schedule([], { type: 'ical' }), all(), now).notes.map((n) => n.reason)).toEqual([expect.stringContaining('of type ical')]);
    const s = mapSchedule(schedule(['m']), all(shift('m', 0, { frequency: 'monthly' })), now);
    expect(s.layers).toEqual([]);
    expect(s.notes.map((n) => n.reason)).toEqual([expect.stringContaining('repeats monthly'), expect.stringContaining('none of its shifts')]);
  });
});

describe('mapSchedule single events', () => {
  const once = (level: number, users: string[], start = '2027-03-10T09:00:00'): GoShift => ({ ...shift('once', level), type: 'single_event', frequency: null, start, duration: 8 * 3600, users, rolling_users: null });
  it("one user's event at the top level is an override, in the schedule's zone; a past one is dropped, a lower one reported", () => {
    const s = mapSchedule(schedule(['w', 'once']), all(shift('w', 1), once(1, ['a'])), now);
    expect(s.overrides).toEqual([{ userId: 'a', start: Date.parse('2027-03-10T00:00:00Z'), end: Date.parse('2027-03-10T08:00:00Z') }]);
    expect(mapSchedule(schedule(['w', 'once']), all(shift('w', 1), once(1, ['a'], '2027-02-01T09:00:00')), now)).toMatchObject({ overrides: [], notes: [] });
    expect(mapSchedule(schedule(['w', 'once']), all(shift('w', 2), once(1, ['a'])), now).notes.map((n) => n.reason)).toEqual([expect.stringContaining("below another shift's level")]);
  });
});
