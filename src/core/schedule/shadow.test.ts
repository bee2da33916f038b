import { describe, expect, it } from 'vitest';
import { coverageGaps } from './coverage.js';
import { editLayer } from './layer-version.js';
import { pagedByLayer, pagedBySchedule } from './paged.js';
import { primaryAt, resolveAt } from './resolve.js';
import { timeline, timelineRows } from './timeline.js';
import type { Layer, LayerDraft, Override, Schedule } from './types.js';

const ms = (text: string) => Date.parse(text);
const iso = (t: number) => new Date(t).toISOString().replace(':00.000Z', 'Z');
const START = ms('2024-01-01T00:00Z'); // a Monday

function layer(id: string, draft: Partial<LayerDraft> & Pick<LayerDraft, 'members'>, from = START): Layer {
  const full: LayerDraft = { timeZone: 'UTC', rotation: { kind: 'daily', handoffTime: '09:00' }, restriction: { kind: 'always' }, ...draft };
  return { id, name: id, versions: editLayer([], full, from) };
}

function schedule(layers: Layer[], overrides: Override[]): Schedule {
  return { timeZone: 'UTC', layers, overrides, fixedShifts: [] };
}

const shadow = (o: Partial<Override> & Pick<Override, 'userId' | 'start' | 'end'>): Override => ({ id: o.userId, layerId: null, createdAt: 0, mode: 'shadow', ...o });

describe('shadow overrides', () => {
  const rota = layer('L', { members: ['ann', 'bob'] });

  it('add their user beside the primary without changing who it is, and until stops at their edges', () => {
    const s = schedule([rota], [shadow({ layerId: 'L', userId: 'dana', start: ms('2024-01-02T12:00Z'), end: ms('2024-01-02T18:00Z') })]);
    const before = resolveAt(s, ms('2024-01-02T10:00Z'));
    expect(before).toMatchObject({ primary: { userId: 'ann', layerId: 'L', source: 'rotation' }, shadows: [] });
    expect(iso(before.until)).toBe('2024-01-02T12:00Z');
    expect(iso(before.layers[0]!.until)).toBe('2024-01-02T12:00Z');
    const during = resolveAt(s, ms('2024-01-02T12:00Z'));
    expect(during.primary).toEqual({ userId: 'ann', layerId: 'L', source: 'rotation' });
    expect(during.shadows).toEqual(['dana']);
    expect(during.layers[0]).toMatchObject({ userId: 'ann', source: 'rotation', shadows: ['dana'] });
    expect(iso(during.until)).toBe('2024-01-02T18:00Z');
    expect(primaryAt(s, ms('2024-01-02T12:00Z'))).toEqual({ userId: 'ann', layerId: 'L', source: 'rotation' });
    expect(pagedBySchedule(during)).toEqual(['ann', 'dana']);
  });

  it('follow the layer user through a handoff, and are not their own shadow', () => {
    // The shadow spans the 09:00 handoff from ann to bob: bob is shadowed by dana, then dana holds it herself.
    const s = schedule([layer('L', { members: ['ann', 'dana'] })], [shadow({ layerId: 'L', userId: 'dana', start: ms('2024-01-01T06:00Z'), end: ms('2024-01-01T12:00Z') })]);
    const rows = timelineRows(s, ms('2024-01-01T00:00Z'), ms('2024-01-01T12:00Z'));
    expect(rows.final.map((f) => [iso(f.start), f.primary?.userId, f.shadows])).toEqual([
      ['2024-01-01T00:00Z', 'ann', []],
      ['2024-01-01T06:00Z', 'ann', ['dana']],
      ['2024-01-01T09:00Z', 'dana', []],
    ]);
    expect(rows.layers[0]!.segments.map((x) => x.shadows)).toEqual([[], ['dana'], []]);
  });

  it('several shadows are listed once each, sorted, and overlapping ones do not cut the timeline', () => {
    const s = schedule(
      [rota],
      [
        shadow({ userId: 'eve', start: ms('2024-01-02T10:00Z'), end: ms('2024-01-02T14:00Z') }),
        shadow({ layerId: 'L', userId: 'dana', start: ms('2024-01-02T11:00Z'), end: ms('2024-01-02T13:00Z') }),
        shadow({ layerId: 'L', userId: 'eve', start: ms('2024-01-02T12:00Z'), end: ms('2024-01-02T16:00Z') }),
      ],
    );
    expect(resolveAt(s, ms('2024-01-02T12:30Z')).shadows).toEqual(['dana', 'eve']);
    // eve's schedule-wide shadow hands over to her layer one at 14:00: the final row goes on.
    const final = timelineRows(s, ms('2024-01-02T10:00Z'), ms('2024-01-02T17:00Z')).final.map((x) => [iso(x.start), x.shadows]);
    expect(final).toEqual([
      ['2024-01-02T10:00Z', ['eve']],
      ['2024-01-02T11:00Z', ['dana', 'eve']],
      ['2024-01-02T13:00Z', ['eve']],
      ['2024-01-02T16:00Z', []],
    ]);
  });

  it('a layer shadow is paged only while its layer is: not when masked, and not on a layer that is not primary', () => {
    const senior = layer('S', { members: ['sam'], restriction: { kind: 'business_hours' } });
    const backup = layer('B', { members: ['bob'] });
    const s = schedule([senior, backup], [shadow({ layerId: 'S', userId: 'dana', start: ms('2024-01-02T00:00Z'), end: ms('2024-01-03T00:00Z') })]);
    const night = resolveAt(s, ms('2024-01-02T20:00Z'));
    expect(night.primary?.userId).toBe('bob');
    expect(night.shadows).toEqual([]);
    // Reported on the layer (like its user), but not paged by it while inactive.
    expect(night.layers[0]).toMatchObject({ userId: 'sam', active: false, shadows: ['dana'] });
    expect(pagedByLayer(night.layers[0]!)).toEqual([]);
    const day = resolveAt(s, ms('2024-01-02T10:00Z'));
    expect(pagedBySchedule(day)).toEqual(['sam', 'dana']);
    expect(iso(day.until)).toBe('2024-01-02T17:00Z');
  });

  it('a layer shadow is not paged while a schedule-wide override replaces the primary; a schedule-wide shadow is', () => {
    const s = schedule(
      [rota],
      [
        shadow({ layerId: 'L', userId: 'dana', start: ms('2024-01-02T10:00Z'), end: ms('2024-01-02T20:00Z') }),
        shadow({ userId: 'eve', start: ms('2024-01-02T10:00Z'), end: ms('2024-01-02T20:00Z') }),
        { id: 'take', layerId: null, userId: 'max', start: ms('2024-01-02T12:00Z'), end: ms('2024-01-02T14:00Z'), createdAt: 0, mode: 'replace' },
      ],
    );
    const r = resolveAt(s, ms('2024-01-02T13:00Z'));
    expect(r.primary).toEqual({ userId: 'max', layerId: null, source: 'override' });
    expect(r.shadows).toEqual(['eve']);
    expect(iso(r.until)).toBe('2024-01-02T14:00Z');
    expect(resolveAt(s, ms('2024-01-02T14:00Z')).shadows).toEqual(['dana', 'eve']);
  });

  it('a schedule-wide shadow over a gap is paged alone, and the gap is still a gap', () => {
    const business = layer('S', { members: ['sam'], restriction: { kind: 'business_hours' } });
    const s = schedule([business], [shadow({ userId: 'dana', start: ms('2024-01-02T16:00Z'), end: ms('2024-01-02T20:00Z') })]);
    const r = resolveAt(s, ms('2024-01-02T18:00Z'));
    expect(r.primary).toBeNull();
    expect(pagedBySchedule(r)).toEqual(['dana']);
    expect(iso(r.until)).toBe('2024-01-02T20:00Z');
    expect(coverageGaps(s, ms('2024-01-02T17:00Z'), ms('2024-01-03T09:00Z')).map((g) => [iso(g.start), iso(g.end)])).toEqual([['2024-01-02T17:00Z', '2024-01-03T09:00Z']]);
  });

  it('a layer shadow on a layer with nobody adds nobody', () => {
    const empty = layer('E', { members: [] });
    const r = resolveAt(schedule([empty], [shadow({ layerId: 'E', userId: 'dana', start: START, end: ms('2024-01-05T00:00Z') })]), ms('2024-01-02T00:00Z'));
    expect(r.layers[0]).toMatchObject({ userId: null, shadows: [] });
    expect(pagedBySchedule(r)).toEqual([]);
  });

  it('an override without a mode replaces, as every override did before shadows', () => {
    const s = schedule([rota], [{ id: 'o', layerId: 'L', userId: 'max', start: ms('2024-01-02T10:00Z'), end: ms('2024-01-02T14:00Z'), createdAt: 0 }]);
    expect(resolveAt(s, ms('2024-01-02T12:00Z'))).toMatchObject({ primary: { userId: 'max', source: 'override' }, shadows: [] });
  });

  it('keeps following the wall clock across DST: Chicago spring forward, shadowing the night of 9–10 March 2024', () => {
    // Daily 09:00 Chicago handoffs, a business-hours day layer over an always night layer;
    // the shadow is on the night layer from Saturday 17:00 to Sunday 09:00 local.
    const night = layer('N', { timeZone: 'America/Chicago', members: ['nia'] }, ms('2024-03-01T00:00Z'));
    const day = layer('D', { timeZone: 'America/Chicago', members: ['dev'], restriction: { kind: 'business_hours' } }, ms('2024-03-01T00:00Z'));
    const s = { ...schedule([day, night], [shadow({ layerId: 'N', userId: 'dana', start: ms('2024-03-09T23:00Z'), end: ms('2024-03-10T14:00Z') })]), timeZone: 'America/Chicago' };
    const r = resolveAt(s, ms('2024-03-10T07:59Z'));
    expect(r.primary?.userId).toBe('nia');
    expect(r.shadows).toEqual(['dana']);
    // 09:00 CDT is 14:00Z after the change (15:00Z the day before): the shadow ends with the night.
    expect(iso(r.until)).toBe('2024-03-10T14:00Z');
    // Monday business hours start at 09:00 CDT = 14:00Z: the day layer takes over, without the night's shadow.
    expect(resolveAt(s, ms('2024-03-11T14:00Z'))).toMatchObject({ primary: { userId: 'dev' }, shadows: [] });
  });

  it('a schedule-wide shadow from midnight to midnight across the Chicago fall back covers the 25-hour day', () => {
    const s = { ...schedule([layer('L', { timeZone: 'America/Chicago', members: ['ann'] }, ms('2024-10-01T00:00Z'))], [shadow({ userId: 'dana', start: ms('2024-11-02T05:00Z'), end: ms('2024-11-03T06:00Z') })]), timeZone: 'America/Chicago' };
    const final = timeline(s, ms('2024-11-02T00:00Z'), ms('2024-11-04T00:00Z')).filter((x) => x.shadows.length > 0);
    expect(final.map((x) => [iso(x.start), iso(x.end), x.primary?.userId, x.shadows])).toEqual([['2024-11-02T05:00Z', '2024-11-03T06:00Z', 'ann', ['dana']]]);
  });
});
