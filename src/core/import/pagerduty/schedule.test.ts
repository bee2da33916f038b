import { describe, expect, it } from 'vitest';
import { mapSchedule } from './schedule.js';
import type { PdLayer, PdSchedule } from './types.js';

const NOW = Date.parse('2027-03-01T12:00:00Z');
const layer = (id: string, extra: Partial<PdLayer> = {}): PdLayer => ({
  id,
  name: `Layer ${id}`,
  start: '2026-01-05T09:00:00Z',
  end: null,
  rotation_virtual_start: '2026-01-05T09:00:00Z',
  rotation_turn_length_seconds: 86400,
  users: [{ user: { id: 'U1', type: 'user_reference' } }, { user: { id: 'U2', type: 'user_reference' } }],
  restrictions: [],
  ...extra,
});
const schedule = (layers: PdLayer[]): PdSchedule => ({ id: 'S', type: 'schedule', name: 'Ops', description: null, time_zone: 'UTC', schedule_layers: layers, teams: [{ id: 'T', type: 'team_reference' }] });

describe('mapSchedule', () => {
  it('keeps the API order, top layer first, as Vigil orders layers', () => {
    const mapped = mapSchedule(schedule([layer('top'), layer('bottom', { rotation_turn_length_seconds: 604800 })]), [], NOW);
    expect(mapped.layers.map((l) => [l.name, l.rotation, l.members])).toEqual([
      ['Layer top', { kind: 'custom', every: 1, unit: 'days', anchor: '2026-01-05T09:00' }, ['U1', 'U2']],
      ['Layer bottom', { kind: 'custom', every: 1, unit: 'weeks', anchor: '2026-01-05T09:00' }, ['U1', 'U2']],
    ]);
    expect(mapped.teamSourceId).toBe('T');
  });

  it('leaves out ended and inexpressible layers, and notes layers that end or start later', () => {
    const mapped = mapSchedule(
      schedule([
        layer('ended', { end: '2027-01-01T00:00:00Z' }),
        layer('odd', { rotation_turn_length_seconds: 5400 }),
        layer('ending', { end: '2027-06-01T00:00:00Z' }),
        layer('later', { start: '2027-04-01T00:00:00Z' }),
      ]),
      [],
      NOW,
    );
    expect(mapped.layers.map((l) => l.name)).toEqual(['Layer ending', 'Layer later']);
    expect(mapped.notes.map((n) => n.reason)).toEqual([
      expect.stringMatching(/^ended /),
      expect.stringMatching(/^not imported: its turn of 5400 seconds/),
      expect.stringMatching(/^ends .*remove the layer then$/),
      expect.stringMatching(/^starts .*in force from the import$/),
    ]);
  });

  it('warns of hour turns kept at local times in a zone with DST, not in one without', () => {
    const hours = layer('shifts', { rotation_turn_length_seconds: 12 * 3600 });
    expect(mapSchedule({ ...schedule([hours]), time_zone: 'Europe/Berlin' }, [], NOW).notes).toEqual([{ subject: 'schedule "Ops" layer "Layer shifts"', reason: expect.stringContaining('12-hour handoffs') }]);
    expect(mapSchedule({ ...schedule([hours]), time_zone: 'Asia/Kolkata' }, [], NOW).notes).toEqual([]);
  });

  it('a schedule with no layer left is reported', () => {
    expect(mapSchedule(schedule([layer('odd', { rotation_turn_length_seconds: 90 })]), [], NOW).notes.at(-1)).toEqual({ subject: 'schedule "Ops"', reason: expect.stringContaining('none of its layers') });
  });

  it('keeps the overrides not over yet, from now on', () => {
    const overrides = [
      { id: 'O1', start: '2027-02-01T00:00:00Z', end: '2027-02-02T00:00:00Z', user: { id: 'U1', type: 'user_reference' } },
      { id: 'O2', start: '2027-03-01T00:00:00Z', end: '2027-03-02T00:00:00Z', user: { id: 'U2', type: 'user_reference' } },
    ];
    expect(mapSchedule(schedule([layer('a')]), overrides, NOW).overrides).toEqual([{ userId: 'U2', start: NOW, end: Date.parse('2027-03-02T00:00:00Z') }]);
  });
});
