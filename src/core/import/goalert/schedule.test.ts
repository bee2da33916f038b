import { describe, expect, it } from 'vitest';
import { mapSchedule, rotationSchedule } from './schedule.js';
import type { GaRotation, GaSchedule, GaUserOverride } from './types.js';

const now = Date.parse('2027-03-01T12:00:00Z');
const week: GaRotation = { id: 'r-week', name: 'Weekly', description: '', start: '2026-01-05T14:00:00Z', timeZone: 'America/New_York', type: 'weekly', shiftLength: 1, activeUserIndex: 0, userIDs: ['a', 'b'] };
const everyDay = [true, true, true, true, true, true, true];
const schedule = (extra: Partial<GaSchedule>): GaSchedule => ({ id: 's', name: 'Primary', description: '', timeZone: 'America/New_York', targets: [], temporarySchedules: [], ...extra });
const override = (add: string, remove: string, start: string, end: string): GaUserOverride => ({ id: `${add}-${remove}`, start, end, addUserID: add, removeUserID: remove, target: { id: 's', type: 'schedule', name: 'Primary' } });

describe('mapSchedule', () => {
  it('a layer per target: a rotation in its rules, a user as a layer of one', () => {
    const s = mapSchedule(
      schedule({
        targets: [
          { target: { id: 'r-week', type: 'rotation', name: 'Weekly' }, rules: [{ start: '08:00', end: '20:00', weekdayFilter: [false, true, true, true, true, true, false] }] },
          { target: { id: 'u', type: 'user', name: 'Uma' }, rules: [{ start: '00:00', end: '00:00', weekdayFilter: [true, false, false, false, false, false, true] }] },
        ],
      }),
      new Map([[week.id, week]]),
      [],
      now,
    );
    expect(s.layers.map((l) => [l.name, l.timeZone, l.restriction.kind, l.members])).toEqual([
      ['Weekly', 'America/New_York', 'daily', ['b', 'a']],
      ['Uma', 'America/New_York', 'custom', ['u']],
    ]);
    expect(s.notes.map((n) => n.reason)).toEqual([expect.stringContaining('every target whose rules are active at once')]);
  });

  it("an always-on rotation keeps its own zone; one in another zone's hours is re-anchored there and reported", () => {
    const always = { target: { id: 'r-week', type: 'rotation', name: 'Weekly' }, rules: [{ start: '00:00', end: '00:00', weekdayFilter: everyDay }] };
    expect(mapSchedule(schedule({ timeZone: 'Asia/Kolkata', targets: [always] }), new Map([[week.id, week]]), [], now).layers[0]?.timeZone).toBe('America/New_York');
    const nights = { ...always, rules: [{ start: '20:00', end: '08:00', weekdayFilter: everyDay }] };
    const s = mapSchedule(schedule({ timeZone: 'Asia/Kolkata', targets: [nights] }), new Map([[week.id, week]]), [], now);
    expect(s.layers[0]?.timeZone).toBe('Asia/Kolkata');
    expect(s.notes.map((n) => n.reason)).toEqual([expect.stringContaining('move by the zones')]);
  });

  it('replacing overrides not yet over are kept (from now); adding and removing ones are reported', () => {
    const s = mapSchedule(
      schedule({ targets: [{ target: { id: 'u', type: 'user', name: 'Uma' }, rules: [{ start: '00:00', end: '00:00', weekdayFilter: everyDay }] }] }),
      new Map(),
      [
        override('v', 'u', '2027-03-01T10:00:00Z', '2027-03-01T14:00:00Z'),
        override('v', 'u', '2027-02-01T10:00:00Z', '2027-02-01T14:00:00Z'),
        override('v', '', '2027-03-02T10:00:00Z', '2027-03-02T14:00:00Z'),
        override('', 'u', '2027-03-03T10:00:00Z', '2027-03-03T14:00:00Z'),
      ],
      now,
    );
    expect(s.overrides).toEqual([{ userId: 'v', start: now, end: Date.parse('2027-03-01T14:00:00Z') }]);
    expect(s.notes.map((n) => n.reason)).toEqual([expect.stringContaining('adds a user'), expect.stringContaining('removes a user'), expect.stringContaining('replacing override')]);
  });

  it('a target never active, a rotation not listed, and temporary schedules to come are reported', () => {
    const s = mapSchedule(
      schedule({
        targets: [
          { target: { id: 'u', type: 'user', name: 'Uma' }, rules: [{ start: '09:00', end: '17:00', weekdayFilter: [false, false, false, false, false, false, false] }] },
          { target: { id: 'r-gone', type: 'rotation', name: 'Gone' }, rules: [{ start: '00:00', end: '00:00', weekdayFilter: everyDay }] },
        ],
        temporarySchedules: [{ start: '2027-03-05T00:00:00Z', end: '2027-03-06T00:00:00Z', shifts: [] }],
      }),
      new Map(),
      [],
      now,
    );
    expect(s.layers).toEqual([]);
    expect(s.notes.map((n) => `${n.subject}: ${n.reason}`)).toEqual([
      'schedule "Primary" user "Uma": none of its rules is active on any weekday: not imported',
      'schedule "Primary" rotation "Gone": a rotation target that was not listed: not imported',
      'schedule "Primary": not imported: none of its targets could be (a Vigil schedule needs a layer)',
      expect.stringMatching(/^schedule "Primary" temporary schedule .*: has no Vigil equivalent/),
    ]);
  });
});

describe('rotationSchedule', () => {
  it('a rotation a step pages becomes a schedule of one always-on layer', () => {
    const s = rotationSchedule(week, now);
    expect(s).toMatchObject({ sourceId: 'rotation:r-week', name: 'Weekly (rotation)', timeZone: 'America/New_York', layers: [{ restriction: { kind: 'always' }, members: ['b', 'a'] }] });
    expect(rotationSchedule({ ...week, type: 'monthly' }, now).layers).toEqual([]);
  });
});
