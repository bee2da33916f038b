import { describe, expect, it } from 'vitest';
import { editLayer } from './layer-version.js';
import { timeline, timelineRows } from './timeline.js';
import type { LayerDraft, Schedule } from './types.js';

const ms = (text: string) => Date.parse(text);
const iso = (t: number) => new Date(t).toISOString().replace(':00.000Z', 'Z');

function single(draft: LayerDraft, from = ms('2024-01-01T00:00Z')): Schedule {
  return { timeZone: draft.timeZone, layers: [{ id: 'L', name: 'Primary', versions: editLayer([], draft, from) }], overrides: [], fixedShifts: [] };
}

const row = (s: Schedule, from: string, to: string) =>
  timelineRows(s, ms(from), ms(to)).layers[0]!.segments.map((x) => `${iso(x.start)} ${x.userId ?? '-'}${x.active ? '' : ' (inactive)'}`);

describe('timeline', () => {
  it('covers [from, to) with maximal segments, each holding the full resolution', () => {
    const s = single({ timeZone: 'UTC', rotation: { kind: 'daily', handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: ['ann', 'bob'] });
    const segments = timeline(s, ms('2024-01-05T00:00Z'), ms('2024-01-08T12:00Z'));
    expect(segments.map((x) => `${iso(x.start)}-${iso(x.end)} ${x.primary?.userId ?? '-'} ${x.layers[0]!.userId}`)).toEqual([
      '2024-01-05T00:00Z-2024-01-05T09:00Z - ann',
      '2024-01-05T09:00Z-2024-01-05T17:00Z bob bob',
      '2024-01-05T17:00Z-2024-01-06T09:00Z - bob',
      '2024-01-06T09:00Z-2024-01-07T09:00Z - ann',
      '2024-01-07T09:00Z-2024-01-08T09:00Z - bob',
      '2024-01-08T09:00Z-2024-01-08T12:00Z ann ann',
    ]);
  });

  it('rows keep one row per layer, in position order, with names', () => {
    const s = single({ timeZone: 'UTC', rotation: { kind: 'daily', handoffTime: '09:00' }, restriction: { kind: 'always' }, members: ['ann'] });
    const rows = timelineRows(s, ms('2024-01-01T00:00Z'), ms('2025-01-01T00:00Z'));
    expect(rows.layers).toEqual([{ layerId: 'L', name: 'Primary', segments: [{ start: ms('2024-01-01T00:00Z'), end: ms('2025-01-01T00:00Z'), userId: 'ann', source: 'rotation', active: true, shadows: [] }] }]);
    expect(rows.final).toEqual([{ start: ms('2024-01-01T00:00Z'), end: ms('2025-01-01T00:00Z'), primary: { userId: 'ann', layerId: 'L', source: 'rotation' }, shadows: [] }]);
  });

  it('an empty range has no segments', () => {
    const s = single({ timeZone: 'UTC', rotation: { kind: 'daily', handoffTime: '09:00' }, restriction: { kind: 'always' }, members: ['ann'] });
    expect(timeline(s, ms('2024-01-02T00:00Z'), ms('2024-01-02T00:00Z'))).toEqual([]);
  });
});

describe('timeline across DST', () => {
  const hourly = (zone: string, anchor: string, members: string[]): LayerDraft => ({
    timeZone: zone,
    rotation: { kind: 'custom', every: 1, unit: 'hours', anchor },
    restriction: { kind: 'always' },
    members,
  });

  it('Chicago spring forward: the turn of the skipped 02:00 collapses, its member is skipped', () => {
    const s = single(hourly('America/Chicago', '2024-03-10T00:00', ['a', 'b', 'c', 'd']));
    expect(row(s, '2024-03-10T05:00Z', '2024-03-10T10:00Z')).toEqual([
      '2024-03-10T05:00Z d',
      '2024-03-10T06:00Z a',
      '2024-03-10T07:00Z b',
      '2024-03-10T08:00Z d',
      '2024-03-10T09:00Z a',
    ]);
  });

  it('Chicago fall back: the 01:00 turn lasts two hours (the repeated hour)', () => {
    const s = single(hourly('America/Chicago', '2024-11-03T00:00', ['a', 'b', 'c']));
    expect(row(s, '2024-11-03T04:00Z', '2024-11-03T10:00Z')).toEqual([
      '2024-11-03T04:00Z c',
      '2024-11-03T05:00Z a',
      '2024-11-03T06:00Z b',
      '2024-11-03T08:00Z c',
      '2024-11-03T09:00Z a',
    ]);
  });

  it('Lord Howe: a 02:15 daily handoff on the 30-minute spring-forward day happens at 02:30', () => {
    const s = single({ timeZone: 'Australia/Lord_Howe', rotation: { kind: 'daily', handoffTime: '02:15' }, restriction: { kind: 'always' }, members: ['a', 'b'] });
    expect(row(s, '2024-10-04T00:00Z', '2024-10-07T00:00Z')).toEqual([
      '2024-10-04T00:00Z b',
      '2024-10-04T15:45Z a',
      '2024-10-05T15:30Z b',
      '2024-10-06T15:15Z a',
    ]);
  });

  it('Santiago: a window across midnight on both transition nights', () => {
    const night = single({
      timeZone: 'America/Santiago',
      rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' },
      restriction: { kind: 'custom', windows: [{ startDay: 6, startTime: '22:00', endDay: 7, endTime: '04:00' }] },
      members: ['a'],
    });
    expect(row(night, '2024-04-06T12:00Z', '2024-04-08T00:00Z')).toEqual(['2024-04-06T12:00Z a (inactive)', '2024-04-07T01:00Z a', '2024-04-07T08:00Z a (inactive)']);
    expect(row(night, '2024-09-07T12:00Z', '2024-09-09T00:00Z')).toEqual(['2024-09-07T12:00Z a (inactive)', '2024-09-08T02:00Z a', '2024-09-08T07:00Z a (inactive)']);
  });

  it('Tokyo keeps 09:00 JST = 00:00Z all year', () => {
    const s = single({ timeZone: 'Asia/Tokyo', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'always' }, members: ['a', 'b'] });
    expect(row(s, '2024-03-01T00:00Z', '2024-03-12T00:00Z')).toEqual(['2024-03-01T00:00Z a', '2024-03-04T00:00Z b', '2024-03-11T00:00Z a']);
  });
});
