import { describe, expect, it } from 'vitest';
import { mapSchedule } from './schedule.js';
import type { OgRotation, OgSchedule } from './types.js';

const NOW = Date.parse('2027-03-01T12:00:00Z');
const rotation = (id: string, extra: Partial<OgRotation> = {}): OgRotation => ({
  id,
  name: id,
  startDate: '2026-01-05T09:00:00-05:00',
  type: 'weekly',
  length: 1,
  participants: [
    { type: 'user', id: 'alice' },
    { type: 'user', id: 'bob' },
  ],
  ...extra,
});
const schedule = (rotations: OgRotation[], extra: Partial<OgSchedule> = {}): OgSchedule => ({ id: 's1', name: 'Primary', timezone: 'America/New_York', enabled: true, ownerTeam: { id: 't1', name: 'Ops' }, rotations, ...extra });

describe('mapSchedule', () => {
  it('keeps the rotations in Opsgenie order as layers, in the schedule zone, with its team', () => {
    const mapped = mapSchedule(schedule([rotation('days'), rotation('nights', { type: 'daily', timeRestriction: { type: 'time-of-day', restriction: { startHour: 18, startMin: 0, endHour: 9, endMin: 0 } } })]), [], NOW);
    expect(mapped.layers.map((l) => [l.name, l.timeZone, l.rotation.kind, l.restriction.kind, l.members])).toEqual([
      ['days', 'America/New_York', 'custom', 'always', ['alice', 'bob']],
      ['nights', 'America/New_York', 'custom', 'daily', ['alice', 'bob']],
    ]);
    expect(mapped).toMatchObject({ sourceId: 's1', teamSourceId: 't1', notes: [] });
  });

  it('leaves out ended rotations and rotations of teams, escalations or nobody, saying why', () => {
    const mapped = mapSchedule(
      schedule([
        rotation('old', { endDate: '2026-06-01T00:00:00Z' }),
        rotation('team', { participants: [{ type: 'team', id: 't1' }] }),
        rotation('gaps', { participants: [{ type: 'user', id: 'alice' }, { type: 'none' }] }),
        rotation('kept'),
      ]),
      [],
      NOW,
    );
    expect(mapped.layers.map((l) => l.name)).toEqual(['kept']);
    expect(mapped.notes.map((n) => `${n.subject}: ${n.reason}`)).toEqual([
      'schedule "Primary" rotation "old": ended 2026-06-01T00:00:00Z: not imported',
      'schedule "Primary" rotation "team": not imported: its participants include a team, and Vigil layers rotate through users only',
      'schedule "Primary" rotation "gaps": not imported: its participants include the reserved "none" (nobody for a turn), and Vigil layers rotate through users only',
    ]);
  });

  it('says when a rotation ends or starts later, and when nothing is left', () => {
    const later = mapSchedule(schedule([rotation('r', { startDate: '2027-04-01T09:00:00Z', endDate: '2027-06-01T00:00:00Z' })]), [], NOW);
    expect(later.notes.map((n) => n.reason)).toEqual([expect.stringMatching(/^ends 2027-06-01.*remove the layer then$/), expect.stringMatching(/^starts 2027-04-01/)]);
    expect(mapSchedule(schedule([]), [], NOW).notes).toEqual([{ subject: 'schedule "Primary"', reason: expect.stringContaining('none of its rotations') }]);
  });

  it('warns about hourly turns that divide a day in a zone with DST', () => {
    const mapped = mapSchedule(schedule([rotation('r', { type: 'hourly', length: 8 })]), [], NOW);
    expect(mapped.notes).toEqual([{ subject: 'schedule "Primary" rotation "r"', reason: expect.stringContaining('8-hour handoffs') }]);
    expect(mapSchedule(schedule([rotation('r', { type: 'hourly', length: 8 })], { timezone: 'Asia/Kolkata' }), [], NOW).notes).toEqual([]);
  });

  it('keeps whole-schedule overrides not yet over, from now; rotation overrides are reported', () => {
    const mapped = mapSchedule(
      schedule([rotation('r')]),
      [
        { alias: 'past', user: { type: 'user', id: 'bob' }, startDate: '2027-02-01T00:00:00Z', endDate: '2027-02-02T00:00:00Z' },
        { alias: 'now', user: { type: 'user', id: 'bob' }, startDate: '2027-03-01T00:00:00Z', endDate: '2027-03-02T00:00:00Z', rotations: [] },
        { alias: 'scoped', user: { type: 'user', id: 'alice' }, startDate: '2027-03-05T00:00:00Z', endDate: '2027-03-06T00:00:00Z', rotations: [{ id: 'r', name: 'r' }] },
      ],
      NOW,
    );
    expect(mapped.overrides).toEqual([{ userId: 'bob', start: NOW, end: Date.parse('2027-03-02T00:00:00Z') }]);
    expect(mapped.notes).toEqual([{ subject: 'schedule "Primary" override "scoped"', reason: expect.stringContaining('covers only rotation "r"') }]);
  });

  it('a disabled schedule is imported with a note', () => {
    expect(mapSchedule(schedule([rotation('r')], { enabled: false }), [], NOW).notes).toEqual([{ subject: 'schedule "Primary"', reason: expect.stringContaining('disabled') }]);
  });
});
