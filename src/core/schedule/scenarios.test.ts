// The seed scenarios of the schedule editor, end to end through the public API.
import { describe, expect, it } from 'vitest';
import { coverageGaps, editLayer, primaryAt, resolveAt, timelineRows, type Layer, type LayerDraft, type Schedule } from './index.js';

const ms = (text: string) => Date.parse(text);
const iso = (t: number) => new Date(t).toISOString().replace(':00.000Z', 'Z');
const START = ms('2024-01-01T00:00Z');

function layer(id: string, draft: LayerDraft): Layer {
  return { id, name: id, versions: editLayer([], draft, START) };
}

function finalRow(schedule: Schedule, from: string, to: string): string[] {
  return timelineRows(schedule, ms(from), ms(to)).final.map((s) => `${iso(s.start)} ${s.primary ? `${s.primary.userId}/${s.primary.layerId}` : '-'}`);
}

describe('business hours / after hours (Chicago)', () => {
  const weekly = { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' } as const;
  const schedule: Schedule = {
    timeZone: 'America/Chicago',
    layers: [
      layer('senior', { timeZone: 'America/Chicago', rotation: weekly, restriction: { kind: 'business_hours' }, members: ['sam', 'sue'] }),
      layer('after-hours', { timeZone: 'America/Chicago', rotation: weekly, restriction: { kind: 'always' }, members: ['ann', 'al'] }),
    ],
    overrides: [],
    fixedShifts: [],
  };

  it('the senior layer is primary in business hours, the after-hours layer from 17:00', () => {
    expect(primaryAt(schedule, ms('2024-01-09T16:00Z'))).toEqual({ userId: 'sam', layerId: 'senior', source: 'rotation' });
    expect(primaryAt(schedule, ms('2024-01-09T23:00Z'))).toEqual({ userId: 'ann', layerId: 'after-hours', source: 'rotation' });
    expect(finalRow(schedule, '2024-01-09T06:00Z', '2024-01-10T06:00Z')).toEqual([
      '2024-01-09T06:00Z ann/after-hours',
      '2024-01-09T15:00Z sam/senior',
      '2024-01-09T23:00Z ann/after-hours',
    ]);
  });

  it('reports both layers while only the senior is primary', () => {
    const r = resolveAt(schedule, ms('2024-01-09T16:00Z'));
    expect(r.layers.map((l) => [l.layerId, l.userId, l.active, iso(l.until)])).toEqual([
      ['senior', 'sam', true, '2024-01-09T23:00Z'],
      ['after-hours', 'ann', true, '2024-01-15T15:00Z'],
    ]);
  });

  it('has no coverage gap and rotates both layers weekly', () => {
    expect(coverageGaps(schedule, ms('2024-01-01T00:00Z'), ms('2024-03-01T00:00Z'))).toEqual([]);
    expect(primaryAt(schedule, ms('2024-01-16T16:00Z'))?.userId).toBe('sue');
    expect(primaryAt(schedule, ms('2024-01-16T23:00Z'))?.userId).toBe('al');
  });
});

describe('follow the sun: Tokyo, London, New York', () => {
  const sun = (zone: string, members: string[]): LayerDraft => ({
    timeZone: zone,
    rotation: { kind: 'daily', handoffTime: '09:00' },
    restriction: { kind: 'business_hours' },
    members,
  });
  const schedule: Schedule = {
    timeZone: 'UTC',
    layers: [layer('tokyo', sun('Asia/Tokyo', ['ken', 'yui'])), layer('london', sun('Europe/London', ['liz', 'tom'])), layer('new-york', sun('America/New_York', ['nia', 'sol']))],
    overrides: [],
    fixedShifts: [],
  };

  it('hands the pager around the world on a winter weekday, with gaps between offices', () => {
    expect(finalRow(schedule, '2024-01-10T00:00Z', '2024-01-11T00:00Z')).toEqual([
      '2024-01-10T00:00Z yui/tokyo',
      '2024-01-10T08:00Z -',
      '2024-01-10T09:00Z liz/london',
      '2024-01-10T17:00Z nia/new-york',
      '2024-01-10T22:00Z -',
    ]);
  });

  it('between the US and UK DST changes New York starts an hour earlier in UTC, London still wins the overlap', () => {
    expect(finalRow(schedule, '2024-03-13T00:00Z', '2024-03-14T00:00Z')).toEqual([
      '2024-03-13T00:00Z ken/tokyo',
      '2024-03-13T08:00Z -',
      '2024-03-13T09:00Z tom/london',
      '2024-03-13T17:00Z sol/new-york',
      '2024-03-13T21:00Z -',
    ]);
  });

  it('nobody covers the weekend', () => {
    expect(coverageGaps(schedule, ms('2024-01-12T22:00Z'), ms('2024-01-15T00:00Z'))).toEqual([{ start: ms('2024-01-12T22:00Z'), end: ms('2024-01-15T00:00Z') }]);
  });
});

describe('front line / senior / manager', () => {
  const always = { kind: 'always' } as const;
  const base: Schedule = {
    timeZone: 'Europe/London',
    layers: [
      layer('front', { timeZone: 'Europe/London', rotation: { kind: 'daily', handoffTime: '10:00' }, restriction: always, members: ['fay', 'fin'] }),
      layer('senior', { timeZone: 'Europe/London', rotation: { kind: 'weekly', handoffDay: 3, handoffTime: '10:00' }, restriction: always, members: ['sid', 'sal'] }),
      layer('manager', { timeZone: 'Europe/London', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '10:00' }, restriction: always, members: ['meg'] }),
    ],
    overrides: [],
    fixedShifts: [],
  };

  it('pages the front line and reports the senior and manager behind it', () => {
    const r = resolveAt(base, ms('2024-01-10T12:00Z'));
    expect(r.primary).toEqual({ userId: 'fay', layerId: 'front', source: 'rotation' });
    expect(r.layers.map((l) => [l.layerId, l.userId, l.active])).toEqual([
      ['front', 'fay', true],
      ['senior', 'sid', true],
      ['manager', 'meg', true],
    ]);
  });

  it('falls to the senior when the front line is emptied, after the current turn', () => {
    const front = base.layers[0]!;
    const emptied: Schedule = {
      ...base,
      layers: [{ ...front, versions: editLayer(front.versions, { ...front.versions[0]!, members: [] }, ms('2024-01-10T12:00Z')) }, ...base.layers.slice(1)],
    };
    expect(primaryAt(emptied, ms('2024-01-11T09:59Z'))?.userId).toBe('fay');
    expect(primaryAt(emptied, ms('2024-01-11T10:00Z'))).toEqual({ userId: 'sid', layerId: 'senior', source: 'rotation' });
  });

  it('a layer override on the senior changes that layer, not the primary', () => {
    const s: Schedule = { ...base, overrides: [{ id: 'o', layerId: 'senior', userId: 'sub', start: ms('2024-01-10T00:00Z'), end: ms('2024-01-11T00:00Z'), createdAt: 1 }] };
    const r = resolveAt(s, ms('2024-01-10T12:00Z'));
    expect(r.primary?.userId).toBe('fay');
    expect(r.layers[1]).toMatchObject({ userId: 'sub', source: 'override' });
  });
});

describe('weekday / weekend with a gap on weekday nights (Chicago)', () => {
  const schedule: Schedule = {
    timeZone: 'America/Chicago',
    layers: [
      layer('weekday', { timeZone: 'America/Chicago', rotation: { kind: 'daily', handoffTime: '09:00', days: [1, 2, 3, 4, 5] }, restriction: { kind: 'business_hours' }, members: ['wes', 'wu'] }),
      layer('weekend', { timeZone: 'America/Chicago', rotation: { kind: 'weekly', handoffDay: 6, handoffTime: '00:00' }, restriction: { kind: 'weekends' }, members: ['ed'] }),
    ],
    overrides: [],
    fixedShifts: [],
  };

  it('finds the weekday nights as coverage gaps', () => {
    const gaps = coverageGaps(schedule, ms('2024-01-08T06:00Z'), ms('2024-01-15T06:00Z')).map((g) => `${iso(g.start)}/${iso(g.end)}`);
    expect(gaps).toEqual([
      '2024-01-08T06:00Z/2024-01-08T15:00Z',
      '2024-01-08T23:00Z/2024-01-09T15:00Z',
      '2024-01-09T23:00Z/2024-01-10T15:00Z',
      '2024-01-10T23:00Z/2024-01-11T15:00Z',
      '2024-01-11T23:00Z/2024-01-12T15:00Z',
      '2024-01-12T23:00Z/2024-01-13T06:00Z',
    ]);
  });

  it('a schedule-wide override closes a gap', () => {
    const s: Schedule = { ...schedule, overrides: [{ id: 'o', layerId: null, userId: 'me', start: ms('2024-01-08T23:00Z'), end: ms('2024-01-09T15:00Z'), createdAt: 1 }] };
    const gaps = coverageGaps(s, ms('2024-01-08T06:00Z'), ms('2024-01-10T06:00Z')).map((g) => `${iso(g.start)}/${iso(g.end)}`);
    expect(gaps).toEqual(['2024-01-08T06:00Z/2024-01-08T15:00Z', '2024-01-09T23:00Z/2024-01-10T06:00Z']);
  });
});
