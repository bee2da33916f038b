import { describe, expect, it } from 'vitest';
import { editLayer } from './layer-version.js';
import { DEFAULT_HORIZON, primaryAt, resolveAt } from './resolve.js';
import type { Layer, LayerDraft, Override, Schedule } from './types.js';

const ms = (text: string) => Date.parse(text);
const iso = (t: number) => new Date(t).toISOString().replace(':00.000Z', 'Z');
const START = ms('2024-01-01T00:00Z'); // a Monday

function layer(id: string, draft: Partial<LayerDraft> & Pick<LayerDraft, 'members'>): Layer {
  const full: LayerDraft = { timeZone: 'UTC', rotation: { kind: 'daily', handoffTime: '09:00' }, restriction: { kind: 'always' }, ...draft };
  return { id, name: id, versions: editLayer([], full, START) };
}

function schedule(layers: Layer[], extra: Partial<Schedule> = {}): Schedule {
  return { timeZone: 'UTC', layers, overrides: [], fixedShifts: [], ...extra };
}

const override = (o: Partial<Override> & Pick<Override, 'userId' | 'start' | 'end'>): Override => ({ id: o.userId, layerId: null, createdAt: 0, ...o });

describe('resolveAt', () => {
  const rota = layer('L', { members: ['ann', 'bob', 'cat'] });

  it('follows the rotation from the first member and reports every layer', () => {
    const r = resolveAt(schedule([rota, layer('M', { members: ['max'] })]), ms('2024-01-02T10:00Z'));
    expect(r.primary).toEqual({ userId: 'cat', layerId: 'L', source: 'rotation' });
    expect(r.layers).toEqual([
      { layerId: 'L', userId: 'cat', source: 'rotation', active: true, shadows: [], until: ms('2024-01-03T09:00Z') },
      { layerId: 'M', userId: 'max', source: 'rotation', active: true, shadows: [], until: ms('2024-01-02T10:00Z') + DEFAULT_HORIZON },
    ]);
    expect(iso(r.until)).toBe('2024-01-03T09:00Z');
  });

  it('the first member holds the turn in force when the layer starts', () => {
    expect(primaryAt(schedule([rota]), ms('2024-01-01T08:00Z'))?.userId).toBe('ann');
    expect(primaryAt(schedule([rota]), ms('2024-01-01T09:00Z'))?.userId).toBe('bob');
  });

  it('repeats in the member list are separate turns, and until skips handoffs to the same person', () => {
    const s = schedule([layer('L', { members: ['ann', 'ann', 'bob'] })]);
    const r = resolveAt(s, ms('2024-01-01T10:00Z'));
    expect(r.primary?.userId).toBe('ann');
    expect(iso(r.until)).toBe('2024-01-02T09:00Z');
    expect(primaryAt(s, ms('2024-01-02T10:00Z'))?.userId).toBe('bob');
  });

  it('a layer with one member never changes; until is capped by the horizon', () => {
    const r = resolveAt(schedule([layer('L', { members: ['solo'] })]), ms('2024-05-01T00:00Z'), 7 * 86_400_000);
    expect(r.primary?.userId).toBe('solo');
    expect(iso(r.until)).toBe('2024-05-08T00:00Z');
  });

  it('refuses an unbounded horizon', () => {
    expect(() => resolveAt(schedule([rota]), START, Infinity)).toThrow(RangeError);
  });

  it('a layer with no members has nobody, and the next layer is primary', () => {
    const r = resolveAt(schedule([layer('E', { members: [] }), layer('F', { members: ['fay'] })]), ms('2024-01-03T00:00Z'));
    expect(r.layers[0]).toMatchObject({ userId: null, source: 'none', active: true });
    expect(r.primary).toEqual({ userId: 'fay', layerId: 'F', source: 'rotation' });
  });

  it('nobody is primary when no layer is active', () => {
    const s = schedule([layer('L', { members: ['ann'], restriction: { kind: 'weekends' } })]);
    const r = resolveAt(s, ms('2024-01-03T12:00Z'));
    expect(r.primary).toBeNull();
    expect(r.layers[0]).toMatchObject({ userId: 'ann', active: false });
    expect(iso(r.until)).toBe('2024-01-06T00:00Z');
  });

  it('a layer does not exist before its first version', () => {
    const r = resolveAt(schedule([rota]), ms('2023-12-31T00:00Z'));
    expect(r.layers[0]).toEqual({ layerId: 'L', userId: null, source: 'none', active: false, shadows: [], until: START });
  });
});

describe('overrides and fixed shifts', () => {
  const rota = layer('L', { members: ['ann', 'bob'] });
  const t = ms('2024-01-02T12:00Z');

  it('a layer override beats a fixed shift, which beats the rotation', () => {
    const fixed = { layerId: 'L', userId: 'fix', start: ms('2024-01-02T10:00Z'), end: ms('2024-01-02T14:00Z') };
    const s = schedule([rota], { fixedShifts: [fixed] });
    expect(primaryAt(s, t)).toEqual({ userId: 'fix', layerId: 'L', source: 'fixed' });
    const withOverride = { ...s, overrides: [override({ layerId: 'L', userId: 'ovr', start: ms('2024-01-02T11:00Z'), end: ms('2024-01-02T13:00Z') })] };
    const r = resolveAt(withOverride, t);
    expect(r.primary).toEqual({ userId: 'ovr', layerId: 'L', source: 'override' });
    expect(iso(r.until)).toBe('2024-01-02T13:00Z');
    expect(resolveAt(withOverride, ms('2024-01-02T13:00Z')).layers[0]).toMatchObject({ userId: 'fix', source: 'fixed', until: ms('2024-01-02T14:00Z') });
    expect(primaryAt(withOverride, ms('2024-01-02T14:00Z'))).toEqual({ userId: 'ann', layerId: 'L', source: 'rotation' });
  });

  it('among overlapping overrides of one scope the most recently created wins', () => {
    const older = override({ layerId: 'L', userId: 'old', start: ms('2024-01-02T11:00Z'), end: ms('2024-01-02T20:00Z'), createdAt: 5 });
    const newer = override({ layerId: 'L', userId: 'new', start: ms('2024-01-02T06:00Z'), end: ms('2024-01-02T13:00Z'), createdAt: 9 });
    const s = schedule([rota], { overrides: [newer, older] });
    expect(primaryAt(s, ms('2024-01-02T07:00Z'))?.userId).toBe('new');
    expect(primaryAt(s, t)?.userId).toBe('new');
    expect(primaryAt(s, ms('2024-01-02T13:00Z'))?.userId).toBe('old');
  });

  it('a schedule-wide override replaces the primary even when no layer is active', () => {
    const weekends = layer('W', { members: ['ann'], restriction: { kind: 'weekends' } });
    const wide = override({ userId: 'me', start: ms('2024-01-02T18:00Z'), end: ms('2024-01-03T08:00Z') });
    const s = schedule([weekends], { overrides: [wide] });
    const r = resolveAt(s, ms('2024-01-02T20:00Z'));
    expect(r.primary).toEqual({ userId: 'me', layerId: null, source: 'override' });
    expect(r.layers[0]).toMatchObject({ userId: 'ann', active: false });
    expect(iso(r.until)).toBe('2024-01-03T08:00Z');
  });

  it('a schedule-wide override does not outrank a newer one, whatever the layers say', () => {
    const a = override({ userId: 'a', start: ms('2024-01-02T00:00Z'), end: ms('2024-01-04T00:00Z'), createdAt: 1 });
    const b = override({ userId: 'b', start: ms('2024-01-03T00:00Z'), end: ms('2024-01-03T06:00Z'), createdAt: 2 });
    const s = schedule([rota], { overrides: [a, b] });
    expect(primaryAt(s, ms('2024-01-03T01:00Z'))?.userId).toBe('b');
    const r = resolveAt(s, ms('2024-01-02T12:00Z'));
    expect([r.primary?.userId, iso(r.until)]).toEqual(['a', '2024-01-03T00:00Z']);
  });

  it('a layer override is still masked by the layer restriction', () => {
    const business = layer('B', { members: ['ann'], restriction: { kind: 'business_hours' } });
    const backup = layer('Z', { members: ['zed'] });
    const o = override({ layerId: 'B', userId: 'ovr', start: ms('2024-01-02T00:00Z'), end: ms('2024-01-03T00:00Z') });
    const s = schedule([business, backup], { overrides: [o] });
    expect(primaryAt(s, ms('2024-01-02T08:00Z'))).toEqual({ userId: 'zed', layerId: 'Z', source: 'rotation' });
    expect(primaryAt(s, ms('2024-01-02T09:00Z'))).toEqual({ userId: 'ovr', layerId: 'B', source: 'override' });
  });

  it('overlapping fixed shifts: the one that started last holds the layer', () => {
    const s = schedule([rota], {
      fixedShifts: [
        { layerId: 'L', userId: 'long', start: ms('2024-01-02T00:00Z'), end: ms('2024-01-03T00:00Z') },
        { layerId: 'L', userId: 'short', start: ms('2024-01-02T10:00Z'), end: ms('2024-01-02T14:00Z') },
      ],
    });
    expect(primaryAt(s, ms('2024-01-02T09:00Z'))?.userId).toBe('long');
    expect(primaryAt(s, t)?.userId).toBe('short');
    expect(primaryAt(s, ms('2024-01-02T14:00Z'))?.userId).toBe('long');
  });

  it('overrides for a layer not in the schedule are ignored', () => {
    const s = schedule([rota], { overrides: [override({ layerId: 'gone', userId: 'x', start: 0, end: ms('2030-01-01T00:00Z') })] });
    expect(primaryAt(s, t)?.userId).toBe('ann');
  });
});

describe('until: the next change of the answer, including what starts later', () => {
  // Mon 2024-01-01 09:00 → Tue 09:00 is bob's turn on L (daily handoffs); M is a backup.
  const rota = layer('L', { members: ['ann', 'bob'] });
  const backup = layer('M', { members: ['max'] });
  const at = ms('2024-01-01T10:00Z');
  const turnEnd = ms('2024-01-02T09:00Z');
  const later = { start: ms('2024-01-01T15:00Z'), end: ms('2024-01-01T16:00Z') };

  it('without anything later, until is the end of the rotation turn', () => {
    const r = resolveAt(schedule([rota, backup]), at);
    expect([r.primary?.userId, r.until, r.layers[0]?.until]).toEqual(['bob', turnEnd, turnEnd]);
  });

  it('a later schedule-wide override cuts the primary until; the layers it does not touch keep theirs', () => {
    const r = resolveAt(schedule([rota, backup], { overrides: [override({ userId: 'wide', ...later })] }), at);
    expect(iso(r.until)).toBe('2024-01-01T15:00Z');
    expect(r.layers[0]?.until).toBe(turnEnd);
  });

  it('a later override on the layer cuts both the primary and that layer, even for the same person', () => {
    for (const userId of ['ovr', 'bob']) {
      const r = resolveAt(schedule([rota, backup], { overrides: [override({ layerId: 'L', userId, ...later })] }), at);
      expect([iso(r.until), iso(r.layers[0]?.until ?? 0)]).toEqual(['2024-01-01T15:00Z', '2024-01-01T15:00Z']);
    }
  });

  it('a later fixed shift on the layer cuts both the primary and that layer', () => {
    const r = resolveAt(schedule([rota, backup], { fixedShifts: [{ layerId: 'L', userId: 'fix', ...later }] }), at);
    expect([iso(r.until), iso(r.layers[0]?.until ?? 0)]).toEqual(['2024-01-01T15:00Z', '2024-01-01T15:00Z']);
  });

  it("a lower layer's own later override cuts that layer's until (and the whole answer's), not the primary layer's", () => {
    const r = resolveAt(schedule([rota, backup], { overrides: [override({ layerId: 'M', userId: 'ovr', ...later })] }), at);
    expect(r.layers.map((l) => iso(l.until))).toEqual([iso(turnEnd), '2024-01-01T15:00Z']);
    expect(r.primary?.userId).toBe('bob');
    expect(iso(r.until)).toBe('2024-01-01T15:00Z');
  });

  it('a later override that a newer one hides does not cut until', () => {
    const hidden = override({ layerId: 'L', userId: 'old', ...later, createdAt: 1 });
    const cover = override({ layerId: 'L', userId: 'new', start: ms('2024-01-01T10:00Z'), end: ms('2024-01-01T17:00Z'), createdAt: 2 });
    const r = resolveAt(schedule([rota], { overrides: [hidden, cover] }), at);
    expect([r.primary?.userId, iso(r.until)]).toEqual(['new', '2024-01-01T17:00Z']);
  });
});
