import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editLayer, nextLayerVersion } from './layer-version.js';
import { primaryAt, resolveAt } from './resolve.js';
import { timelineRows } from './timeline.js';
import type { Layer, LayerDraft, LayerSegment, Rotation, Schedule } from './types.js';

const ms = (text: string) => Date.parse(text);
const iso = (t: number) => new Date(t).toISOString().replace(':00.000Z', 'Z');
const START = ms('2024-01-01T00:00Z'); // Monday; ann holds the turn that started 2023-12-31 09:00
const draft = (members: string[], extra: Partial<LayerDraft> = {}): LayerDraft => ({
  timeZone: 'UTC',
  rotation: { kind: 'daily', handoffTime: '09:00' },
  restriction: { kind: 'always' },
  members,
  ...extra,
});
const schedule = (layer: Layer): Schedule => ({ timeZone: 'UTC', layers: [layer], overrides: [], fixedShifts: [] });

/** Who holds the layer over a range, as 'user@from' strings. */
function who(layer: Layer, from: string, to: string): string[] {
  return timelineRows(schedule(layer), ms(from), ms(to)).layers[0]!.segments.map((s) => `${s.userId ?? '-'}@${iso(s.start)}`);
}

const original: Layer = { id: 'L', name: 'L', versions: editLayer([], draft(['ann', 'bob', 'cat']), START) };
// ann Jan 1 (until 09:00), bob Jan 1-2, cat Jan 2-3, ann Jan 3-4, bob Jan 4-5 ...
const EDIT = ms('2024-01-04T12:00Z'); // bob on call

describe('layer versions', () => {
  it('a first version starts with members[0]', () => {
    expect(original.versions).toEqual([{ ...draft(['ann', 'bob', 'cat']), effectiveFrom: START, startIndex: 0, carryOver: null }]);
  });

  it('a custom rotation gives its anchor turn to members[0], even for a version starting later', () => {
    const custom = draft(['ann', 'bob', 'cat'], { rotation: { kind: 'custom', every: 1, unit: 'days', anchor: '2024-01-01T09:00' } });
    // Turns from the anchor: ann Jan 1 09:00, bob Jan 2, cat Jan 3, ann Jan 4 09:00 - Jan 5 09:00.
    const layer: Layer = { id: 'L', name: 'L', versions: editLayer([], custom, ms('2024-01-05T00:00Z')) };
    expect(who(layer, '2024-01-05T00:00Z', '2024-01-06T12:00Z')).toEqual(['ann@2024-01-05T00:00Z', 'bob@2024-01-05T09:00Z', 'cat@2024-01-06T09:00Z']);
  });

  it('adding a member keeps the person on call and continues the order from them', () => {
    const layer = { ...original, versions: editLayer(original.versions, draft(['ann', 'bob', 'cat', 'dan']), EDIT) };
    expect(layer.versions[1]).toMatchObject({ startIndex: 1, carryOver: null });
    expect(who(layer, '2024-01-04T00:00Z', '2024-01-07T12:00Z')).toEqual([
      'ann@2024-01-04T00:00Z',
      'bob@2024-01-04T09:00Z',
      'cat@2024-01-05T09:00Z',
      'dan@2024-01-06T09:00Z',
      'ann@2024-01-07T09:00Z',
    ]);
  });

  it('removing the person on call lets them finish the turn, then their follower takes over', () => {
    const layer = { ...original, versions: editLayer(original.versions, draft(['dan', 'cat', 'ann']), EDIT) };
    expect(layer.versions[1]).toMatchObject({ startIndex: 0, carryOver: { userId: 'bob', until: ms('2024-01-05T09:00Z') } });
    expect(who(layer, '2024-01-04T00:00Z', '2024-01-08T12:00Z')).toEqual([
      'ann@2024-01-04T00:00Z',
      'bob@2024-01-04T09:00Z',
      'cat@2024-01-05T09:00Z',
      'ann@2024-01-06T09:00Z',
      'dan@2024-01-07T09:00Z',
      'cat@2024-01-08T09:00Z',
    ]);
  });

  it('a new handoff time applies from the next handoff of the new rotation', () => {
    const layer = { ...original, versions: editLayer(original.versions, draft(['ann', 'bob', 'cat'], { rotation: { kind: 'daily', handoffTime: '18:00' } }), EDIT) };
    expect(who(layer, '2024-01-04T10:00Z', '2024-01-06T00:00Z')).toEqual(['bob@2024-01-04T10:00Z', 'cat@2024-01-04T18:00Z', 'ann@2024-01-05T18:00Z']);
  });

  it('a replaced roster with nobody from the old one starts at the top after the carry-over', () => {
    const layer = { ...original, versions: editLayer(original.versions, draft(['xi', 'yu']), EDIT) };
    expect(who(layer, '2024-01-04T10:00Z', '2024-01-06T12:00Z')).toEqual(['bob@2024-01-04T10:00Z', 'xi@2024-01-05T09:00Z', 'yu@2024-01-06T09:00Z']);
  });

  it('emptying a layer keeps the person on call until the next handoff, then nobody', () => {
    const layer = { ...original, versions: editLayer(original.versions, draft([]), EDIT) };
    expect(who(layer, '2024-01-04T10:00Z', '2024-01-06T00:00Z')).toEqual(['bob@2024-01-04T10:00Z', '-@2024-01-05T09:00Z']);
  });

  it('filling an empty layer starts with its first member at once', () => {
    const empty: Layer = { id: 'L', name: 'L', versions: editLayer([], draft([]), START) };
    const layer = { ...empty, versions: editLayer(empty.versions, draft(['ann', 'bob']), EDIT) };
    expect(who(layer, '2024-01-04T10:00Z', '2024-01-05T12:00Z')).toEqual(['-@2024-01-04T10:00Z', 'ann@2024-01-04T12:00Z', 'bob@2024-01-05T09:00Z']);
  });

  it('duplicates: the person keeps the position they held when it is unchanged', () => {
    const dup: Layer = { id: 'L', name: 'L', versions: editLayer([], draft(['ann', 'bob', 'ann', 'cat']), START) };
    // ann Jan 1 (to 09:00), bob, ann (Jan 2 09:00-Jan 3 09:00, index 2), cat ...
    const layer = { ...dup, versions: editLayer(dup.versions, draft(['ann', 'bob', 'ann', 'dan']), ms('2024-01-02T12:00Z')) };
    expect(layer.versions[1]!.startIndex).toBe(2);
    expect(primaryAt(schedule(layer), ms('2024-01-03T10:00Z'))?.userId).toBe('dan');
  });

  it('past instants resolve with the version then in force', () => {
    const layer = { ...original, versions: editLayer(original.versions, draft(['zoe'], { restriction: { kind: 'weekends' } }), EDIT) };
    expect(primaryAt(schedule(layer), ms('2024-01-03T10:00Z'))?.userId).toBe('ann');
    expect(primaryAt(schedule(layer), ms('2024-01-04T11:59Z'))?.userId).toBe('bob');
    expect(primaryAt(schedule(layer), ms('2024-01-05T10:00Z'))).toBeNull(); // weekday, weekends-only now
    expect(primaryAt(schedule(layer), ms('2024-01-06T10:00Z'))?.userId).toBe('zoe');
    const r = resolveAt(schedule(layer), ms('2024-01-04T08:00Z'));
    expect([r.primary?.userId, iso(r.until)]).toEqual(['ann', '2024-01-04T09:00Z']);
  });

  it('a scheduled future edit supersedes later scheduled ones, never earlier ones', () => {
    const future = editLayer(original.versions, draft(['x']), ms('2024-02-01T00:00Z'));
    const sooner = editLayer(future, draft(['y']), ms('2024-01-20T00:00Z'));
    expect(sooner.map((v) => v.members)).toEqual([['ann', 'bob', 'cat'], ['y']]);
    const both = editLayer(future, draft(['z']), ms('2024-03-01T00:00Z'));
    expect(both.map((v) => v.members)).toEqual([['ann', 'bob', 'cat'], ['x'], ['z']]);
  });

  it('nextLayerVersion measures the carry-over against the rotation of the new draft, in its zone', () => {
    const v = nextLayerVersion(original.versions, draft(['dan'], { timeZone: 'Asia/Tokyo' }), EDIT);
    expect(v.carryOver).toEqual({ userId: 'bob', until: ms('2024-01-05T00:00Z') });
  });
});

describe('roster change properties', () => {
  const users = ['ann', 'bob', 'cat', 'dan', 'eve'];
  const rotations: Rotation[] = [
    { kind: 'daily', handoffTime: '09:00' },
    { kind: 'daily', handoffTime: '17:30', days: [1, 2, 3, 4, 5] },
    { kind: 'weekly', handoffDay: 3, handoffTime: '10:00' },
    { kind: 'custom', every: 6, unit: 'hours', anchor: '2024-01-01T03:00' },
  ];
  const zones = ['UTC', 'America/Chicago', 'Australia/Lord_Howe'];
  const arb = fc.record({
    oldMembers: fc.array(fc.constantFrom(...users), { minLength: 1, maxLength: 5 }),
    newMembers: fc.array(fc.constantFrom(...users), { maxLength: 5 }),
    oldRotation: fc.constantFrom(...rotations),
    newRotation: fc.constantFrom(...rotations),
    zone: fc.constantFrom(...zones),
    // From 1: an edit at the creation instant replaces the first version instead.
    editMinute: fc.integer({ min: 1, max: 60 * 24 * 300 }),
  });
  const rowOf = (layer: Layer, from: number, to: number) => timelineRows(schedule(layer), from, to).layers[0]!.segments;

  it('the person on call at the edit keeps the layer until the next handoff of the new rotation', () => {
    fc.assert(
      fc.property(arb, ({ oldMembers, newMembers, oldRotation, newRotation, zone, editMinute }) => {
        const at = START + editMinute * 60_000;
        const before: Layer = { id: 'L', name: 'L', versions: editLayer([], draft(oldMembers, { rotation: oldRotation, timeZone: zone }), START) };
        const holder = primaryAt(schedule(before), at)!.userId;
        const after = { ...before, versions: editLayer(before.versions, draft(newMembers, { rotation: newRotation, timeZone: zone }), at) };
        const firstHandoff = rowOf({ ...after, versions: [{ ...after.versions[1]!, carryOver: null, members: ['x', 'y'] }] }, at, at + 30 * 86_400_000)[0]!.end;
        const row = rowOf(after, at, firstHandoff);
        expect(row.map((s) => s.userId)).toEqual([holder]);
      }),
      { numRuns: 200 },
    );
  });

  it('an edit that changes nothing changes nobody on call', () => {
    fc.assert(
      fc.property(arb, ({ oldMembers, oldRotation, zone, editMinute }) => {
        const at = START + editMinute * 60_000;
        const d = draft(oldMembers, { rotation: oldRotation, timeZone: zone });
        const before: Layer = { id: 'L', name: 'L', versions: editLayer([], d, START) };
        const after = { ...before, versions: editLayer(before.versions, d, at) };
        const strip = (row: LayerSegment[]) => row.map((s) => [s.start, s.end, s.userId]);
        expect(strip(rowOf(after, at, at + 20 * 86_400_000))).toEqual(strip(rowOf(before, at, at + 20 * 86_400_000)));
      }),
      { numRuns: 200 },
    );
  });
});
