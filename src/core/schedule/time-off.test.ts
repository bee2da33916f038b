import { describe, expect, it } from 'vitest';
import { coverageGaps } from './coverage.js';
import { editLayer } from './layer-version.js';
import { primaryAt, resolveAt } from './resolve.js';
import { timelineRows } from './timeline.js';
import type { Absence, Layer, LayerDraft, Override, Schedule } from './types.js';

const ms = (text: string) => Date.parse(text);
const iso = (t: number) => new Date(t).toISOString().replace(':00.000Z', 'Z');
const START = ms('2024-01-01T00:00Z'); // a Monday

function layer(id: string, draft: Partial<LayerDraft> & Pick<LayerDraft, 'members'>, from = START): Layer {
  const full: LayerDraft = { timeZone: 'UTC', rotation: { kind: 'daily', handoffTime: '09:00' }, restriction: { kind: 'always' }, ...draft };
  return { id, name: id, versions: editLayer([], full, from) };
}

function schedule(layers: Layer[], timeOff: Absence[], overrides: Override[] = []): Schedule {
  return { timeZone: 'UTC', layers, overrides, fixedShifts: [], timeOff };
}

const away = (userId: string, start: string, end: string): Absence => ({ userId, start: ms(start), end: ms(end) });
const finalRow = (s: Schedule, from: string, to: string) =>
  timelineRows(s, ms(from), ms(to)).final.map((f) => [iso(f.start), f.primary?.userId ?? null, f.primary?.source ?? 'none', f.primary?.coverFor ?? null]);

describe('time off', () => {
  // Daily handoffs at 09:00: ann until Monday 09:00, then bob, cat, ann, …
  const rota = layer('L', { members: ['ann', 'bob', 'cat'] });

  it("covers the away member's turn with the next member in order, and says for whom", () => {
    const s = schedule([rota], [away('ann', '2024-01-01T03:00Z', '2024-01-01T06:00Z')]);
    expect(finalRow(s, '2024-01-01T00:00Z', '2024-01-01T12:00Z')).toEqual([
      ['2024-01-01T00:00Z', 'ann', 'rotation', null],
      ['2024-01-01T03:00Z', 'bob', 'cover', 'ann'],
      ['2024-01-01T06:00Z', 'ann', 'rotation', null],
      ['2024-01-01T09:00Z', 'bob', 'rotation', null],
    ]);
    const during = resolveAt(s, ms('2024-01-01T04:00Z'));
    expect(during.primary).toEqual({ userId: 'bob', layerId: 'L', source: 'cover', coverFor: 'ann' });
    expect(during.layers[0]).toMatchObject({ userId: 'bob', source: 'cover', coverFor: 'ann' });
    expect(iso(during.until)).toBe('2024-01-01T06:00Z');
    expect(iso(resolveAt(s, ms('2024-01-01T01:00Z')).until)).toBe('2024-01-01T03:00Z');
    expect(primaryAt(s, ms('2024-01-01T04:00Z'))).toEqual(during.primary);
  });

  it('leaves turn counting alone: after the absence the order goes on as if nobody had been away', () => {
    // ann away over her whole Monday turn and into Tuesday: bob covers Monday, then has his own turn.
    const s = schedule([rota], [away('ann', '2024-01-01T00:00Z', '2024-01-03T00:00Z')]);
    expect(finalRow(s, '2024-01-01T00:00Z', '2024-01-05T00:00Z')).toEqual([
      ['2024-01-01T00:00Z', 'bob', 'cover', 'ann'],
      ['2024-01-01T09:00Z', 'bob', 'rotation', null],
      ['2024-01-02T09:00Z', 'cat', 'rotation', null],
      ['2024-01-03T09:00Z', 'ann', 'rotation', null],
      ['2024-01-04T09:00Z', 'bob', 'rotation', null],
    ]);
  });

  it('skips members who are away too, wrapping round the order', () => {
    const s = schedule(
      [rota],
      [away('cat', '2024-01-02T00:00Z', '2024-01-03T00:00Z'), away('ann', '2024-01-02T00:00Z', '2024-01-02T12:00Z')],
    );
    // Tuesday 09:00 is cat's turn; ann (next after cat) is away until 12:00, so bob covers, then ann.
    expect(finalRow(s, '2024-01-02T09:00Z', '2024-01-03T00:00Z')).toEqual([
      ['2024-01-02T09:00Z', 'bob', 'cover', 'cat'],
      ['2024-01-02T12:00Z', 'ann', 'cover', 'cat'],
    ]);
  });

  it('leaves the layer with nobody when every member is away, and the lower layer or a gap takes over', () => {
    const s = schedule([rota, layer('B', { members: ['dan'] })], [away('ann', '2024-01-01T02:00Z', '2024-01-01T03:00Z'), away('bob', '2024-01-01T00:00Z', '2024-01-02T00:00Z'), away('cat', '2024-01-01T00:00Z', '2024-01-02T00:00Z')]);
    const r = resolveAt(s, ms('2024-01-01T02:30Z'));
    expect(r.layers[0]).toMatchObject({ userId: null, source: 'none', coverFor: 'ann' });
    expect(r.primary).toEqual({ userId: 'dan', layerId: 'B', source: 'rotation' });
    const alone = schedule([rota], s.timeOff ?? []);
    expect(coverageGaps(alone, ms('2024-01-01T00:00Z'), ms('2024-01-02T00:00Z')).map((g) => [iso(g.start), iso(g.end)])).toEqual([['2024-01-01T02:00Z', '2024-01-01T03:00Z']]);
    expect(primaryAt(alone, ms('2024-01-01T02:30Z'))).toBeNull();
  });

  it("does not undo overrides: an away person's own override still holds, and an override beats the cover", () => {
    const s = schedule(
      [rota],
      [away('ann', '2024-01-01T00:00Z', '2024-01-01T09:00Z')],
      [
        { id: 'o1', layerId: 'L', userId: 'ann', start: ms('2024-01-01T02:00Z'), end: ms('2024-01-01T03:00Z'), createdAt: 0 },
        { id: 'o2', layerId: 'L', userId: 'dan', start: ms('2024-01-01T05:00Z'), end: ms('2024-01-01T06:00Z'), createdAt: 0 },
      ],
    );
    expect(finalRow(s, '2024-01-01T00:00Z', '2024-01-01T09:00Z')).toEqual([
      ['2024-01-01T00:00Z', 'bob', 'cover', 'ann'],
      ['2024-01-01T02:00Z', 'ann', 'override', null],
      ['2024-01-01T03:00Z', 'bob', 'cover', 'ann'],
      ['2024-01-01T05:00Z', 'dan', 'override', null],
      ['2024-01-01T06:00Z', 'bob', 'cover', 'ann'],
    ]);
  });

  it('covers by the position of the turn when a member appears twice in the order', () => {
    // ann, bob, ann, cat: ann's first turn is covered by bob, her second by cat.
    const s = schedule([layer('L', { members: ['ann', 'bob', 'ann', 'cat'] })], [away('ann', '2024-01-01T00:00Z', '2024-01-05T00:00Z')]);
    expect(finalRow(s, '2024-01-01T00:00Z', '2024-01-03T18:00Z')).toEqual([
      ['2024-01-01T00:00Z', 'bob', 'cover', 'ann'],
      ['2024-01-01T09:00Z', 'bob', 'rotation', null],
      ['2024-01-02T09:00Z', 'cat', 'cover', 'ann'],
      ['2024-01-03T09:00Z', 'cat', 'rotation', null],
    ]);
  });

  it('only matters while the layer is on duty: off-duty hours keep the away member as they were', () => {
    // Tuesday 09:00 begins ann's turn; she is away all Tuesday.
    const s = schedule([layer('L', { members: ['ann', 'bob'], restriction: { kind: 'business_hours' } })], [away('ann', '2024-01-02T00:00Z', '2024-01-03T00:00Z')]);
    const rows = timelineRows(s, ms('2024-01-02T00:00Z'), ms('2024-01-02T20:00Z'));
    expect(rows.layers[0]!.segments.map((x) => [iso(x.start), x.userId, x.source, x.active, x.coverFor ?? null])).toEqual([
      ['2024-01-02T00:00Z', 'bob', 'rotation', false, null],
      ['2024-01-02T09:00Z', 'bob', 'cover', true, 'ann'],
      ['2024-01-02T17:00Z', 'ann', 'rotation', false, null],
    ]);
  });
});
