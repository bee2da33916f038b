import { describe, expect, it } from 'vitest';
import { applyEdit } from './edit.js';
import type { ScheduleHistory } from './history.js';
import { historyTimelineRows } from './history.js';
import { editLayer } from './layer-version.js';
import { nextHandoff, startRotation, startedVersion } from './rotation-start.js';
import { timelineRows } from './timeline.js';
import type { Layer, LayerDraft, Schedule } from './types.js';

const ms = (text: string) => Date.parse(text);
const iso = (t: number) => new Date(t).toISOString().replace(':00.000Z', 'Z');
const draft = (members: string[], extra: Partial<LayerDraft> = {}): LayerDraft => ({
  timeZone: 'UTC',
  rotation: { kind: 'daily', handoffTime: '09:00' },
  restriction: { kind: 'always' },
  members,
  ...extra,
});

/** Who holds the layer over a range, as 'user@from' strings. */
function who(layer: Layer, from: string, to: string): string[] {
  const schedule: Schedule = { timeZone: 'UTC', layers: [layer], overrides: [], fixedShifts: [] };
  return timelineRows(schedule, ms(from), ms(to)).layers[0]!.segments.map((s) => `${s.userId ?? '-'}@${iso(s.start)}`);
}

describe('rotation start', () => {
  it('on a handoff: the member takes that full turn, then the order continues after them', () => {
    const layer: Layer = { id: 'L', name: 'L', versions: startRotation([], draft(['ann', 'bob', 'cat']), { at: ms('2024-01-01T09:00Z'), member: 1 }) };
    expect(who(layer, '2024-01-01T00:00Z', '2024-01-04T12:00Z')).toEqual(['-@2024-01-01T00:00Z', 'bob@2024-01-01T09:00Z', 'cat@2024-01-02T09:00Z', 'ann@2024-01-03T09:00Z', 'bob@2024-01-04T09:00Z']);
  });

  it('between handoffs: the member holds from the start through their first whole turn, with no stub before the next person', () => {
    const layer: Layer = { id: 'L', name: 'L', versions: startRotation([], draft(['ann', 'bob', 'cat']), { at: ms('2024-01-01T15:00Z'), member: 0 }) };
    expect(who(layer, '2024-01-01T12:00Z', '2024-01-04T12:00Z')).toEqual(['-@2024-01-01T12:00Z', 'ann@2024-01-01T15:00Z', 'bob@2024-01-03T09:00Z', 'cat@2024-01-04T09:00Z']);
  });

  it('without a start a first version keeps giving members[0] only the turn in force', () => {
    const layer: Layer = { id: 'L', name: 'L', versions: editLayer([], draft(['ann', 'bob', 'cat']), ms('2024-01-01T15:00Z')) };
    expect(who(layer, '2024-01-01T15:00Z', '2024-01-02T12:00Z')).toEqual(['ann@2024-01-01T15:00Z', 'bob@2024-01-02T09:00Z']);
  });

  it('a weekly rotation started on a Wednesday gives the member until the Monday after next', () => {
    const weekly = draft(['ann', 'bob'], { rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' } });
    const layer: Layer = { id: 'L', name: 'L', versions: startRotation([], weekly, { at: ms('2024-01-03T12:00Z'), member: 1 }) };
    expect(who(layer, '2024-01-03T12:00Z', '2024-01-20T00:00Z')).toEqual(['bob@2024-01-03T12:00Z', 'ann@2024-01-15T09:00Z']);
  });

  it('restarting an existing layer keeps its past and cuts the person then on call at the start', () => {
    const original = editLayer([], draft(['ann', 'bob', 'cat']), ms('2024-01-01T00:00Z'));
    // ann until Jan 1 09:00, bob Jan 1-2, cat Jan 2-3: restart on Jan 2 at 12:00 with ann.
    const layer: Layer = { id: 'L', name: 'L', versions: startRotation(original, draft(['ann', 'bob', 'cat']), { at: ms('2024-01-02T12:00Z'), member: 0 }) };
    expect(who(layer, '2024-01-01T00:00Z', '2024-01-05T00:00Z')).toEqual([
      'ann@2024-01-01T00:00Z',
      'bob@2024-01-01T09:00Z',
      'cat@2024-01-02T09:00Z',
      'ann@2024-01-02T12:00Z',
      'bob@2024-01-04T09:00Z',
    ]);
  });

  it('supersedes versions scheduled at or after the start', () => {
    const early = editLayer([], draft(['ann']), ms('2024-01-01T00:00Z'));
    const scheduled = editLayer(early, draft(['bob']), ms('2024-01-10T00:00Z'));
    const versions = startRotation(scheduled, draft(['cat', 'dan']), { at: ms('2024-01-05T09:00Z'), member: 1 });
    expect(versions.map((v) => [iso(v.effectiveFrom), v.members])).toEqual([
      ['2024-01-01T00:00Z', ['ann']],
      ['2024-01-05T09:00Z', ['cat', 'dan']],
    ]);
  });

  it('Chicago: a start on the spring-forward day at the local handoff (02:30 does not exist) is the first instant after the gap', () => {
    const chicago = draft(['ann', 'bob'], { timeZone: 'America/Chicago', rotation: { kind: 'daily', handoffTime: '02:30' } });
    const at = nextHandoff(chicago, ms('2024-03-10T06:00Z'));
    expect(iso(at)).toBe('2024-03-10T08:00Z');
    const layer: Layer = { id: 'L', name: 'L', versions: startRotation([], chicago, { at, member: 0 }) };
    // Turns: 03:00 CDT on 10 March (08:00Z), then 02:30 CDT on 11 March (07:30Z).
    expect(who(layer, '2024-03-10T06:00Z', '2024-03-12T00:00Z')).toEqual(['-@2024-03-10T06:00Z', 'ann@2024-03-10T08:00Z', 'bob@2024-03-11T07:30Z']);
  });

  it('monthly on the 31st, started mid-month: the member holds until the end of February (the last day)', () => {
    const monthly = draft(['ann', 'bob'], { rotation: { kind: 'monthly', handoffDay: 31, handoffTime: '09:00' } });
    const layer: Layer = { id: 'L', name: 'L', versions: startRotation([], monthly, { at: ms('2024-01-15T00:00Z'), member: 0 }) };
    expect(who(layer, '2024-01-15T00:00Z', '2024-04-01T00:00Z')).toEqual(['ann@2024-01-15T00:00Z', 'bob@2024-02-29T09:00Z', 'ann@2024-03-31T09:00Z']);
  });

  it('nextHandoff is the instant itself on a handoff, otherwise the following one', () => {
    expect(iso(nextHandoff(draft([]), ms('2024-01-01T09:00Z')))).toBe('2024-01-01T09:00Z');
    expect(iso(nextHandoff(draft([]), ms('2024-01-01T09:01Z')))).toBe('2024-01-02T09:00Z');
  });

  it('refuses a member that is not in the list', () => {
    expect(() => startedVersion(draft(['ann']), { at: 0, member: 1 })).toThrow(RangeError);
    expect(() => startedVersion(draft([]), { at: 0, member: 0 })).toThrow(RangeError);
  });

  it('an added layer with a later start is in the schedule but has nobody until then', () => {
    const history: ScheduleHistory = { timeZone: 'UTC', layers: [], structures: [], overrides: [], fixedShifts: [] };
    const edit = { kind: 'add_layer' as const, layerId: 'L', name: 'L', draft: draft(['ann', 'bob']), start: { at: ms('2024-01-03T09:00Z'), member: 1 } };
    const after = applyEdit(history, edit, ms('2024-01-01T00:00Z')).history;
    const rows = historyTimelineRows(after, ms('2024-01-01T00:00Z'), ms('2024-01-05T00:00Z'));
    expect(rows.layers[0]!.segments.map((s) => `${s.userId ?? '-'}@${iso(s.start)}`)).toEqual(['-@2024-01-01T00:00Z', 'bob@2024-01-03T09:00Z', 'ann@2024-01-04T09:00Z']);
  });
});
