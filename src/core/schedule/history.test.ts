import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editLayer } from './layer-version.js';
import { historyGaps, historyHours, historyTimeline, historyTimelineRows, resolveHistoryAt, type ScheduleHistory } from './history.js';
import type { Layer, Restriction } from './types.js';

const HOUR = 3_600_000;
const t0 = Date.parse('2026-01-05T00:00:00Z'); // a Monday

function layer(id: string, members: string[], restriction: Restriction = { kind: 'always' }): Layer {
  const draft = { timeZone: 'UTC', rotation: { kind: 'daily' as const, handoffTime: '09:00' }, restriction, members };
  return { id, name: id, versions: editLayer([], draft, t0) };
}

const base = (structures: ScheduleHistory['structures']): ScheduleHistory => ({
  timeZone: 'UTC',
  layers: [layer('A', ['alice']), layer('B', ['bob']), layer('C', ['carol'], { kind: 'business_hours' })],
  structures,
  overrides: [],
  fixedShifts: [],
});

describe('schedule history', () => {
  it('has nobody on call, and no timeline, before the first structure', () => {
    const h = base([{ effectiveFrom: t0 + HOUR, layerIds: ['A'] }]);
    expect(historyTimeline(h, t0, t0 + 2 * HOUR).map((s) => s.start)).toEqual([t0 + HOUR]);
    expect(historyGaps(h, t0, t0 + HOUR)).toEqual([]);
    const r = resolveHistoryAt(h, t0);
    expect(r.primary).toBeNull();
    expect(r.layers).toEqual([]);
    expect(r.until).toBe(t0 + HOUR);
    expect(resolveHistoryAt(h, t0 + HOUR).primary?.userId).toBe('alice');
  });

  it('keeps a deleted layer answering for the past', () => {
    const h = base([
      { effectiveFrom: t0, layerIds: ['A', 'B'] },
      { effectiveFrom: t0 + 10 * HOUR, layerIds: ['B'] },
    ]);
    expect(resolveHistoryAt(h, t0 + 9 * HOUR).primary).toEqual({ userId: 'alice', layerId: 'A', source: 'rotation' });
    expect(resolveHistoryAt(h, t0 + 9 * HOUR).until).toBe(t0 + 10 * HOUR);
    expect(resolveHistoryAt(h, t0 + 10 * HOUR).primary).toEqual({ userId: 'bob', layerId: 'B', source: 'rotation' });
    const segments = historyTimeline(h, t0, t0 + 20 * HOUR);
    expect(segments.map((s) => [s.start, s.end, s.primary?.userId])).toEqual([
      [t0, t0 + 10 * HOUR, 'alice'],
      [t0 + 10 * HOUR, t0 + 20 * HOUR, 'bob'],
    ]);
  });

  it('applies a reorder only from its effective time', () => {
    const h = base([
      { effectiveFrom: t0, layerIds: ['A', 'B'] },
      { effectiveFrom: t0 + 5 * HOUR, layerIds: ['B', 'A'] },
    ]);
    expect(resolveHistoryAt(h, t0 + 4 * HOUR).primary?.userId).toBe('alice');
    expect(resolveHistoryAt(h, t0 + 5 * HOUR).primary?.userId).toBe('bob');
    const rows = historyTimelineRows(h, t0, t0 + 10 * HOUR);
    expect(rows.layers.map((l) => l.layerId)).toEqual(['B', 'A']);
    expect(rows.final.map((s) => s.primary?.userId)).toEqual(['alice', 'bob']);
  });

  it('merges across a structure change that changes nothing', () => {
    const h = base([
      { effectiveFrom: t0, layerIds: ['A'] },
      { effectiveFrom: t0 + 5 * HOUR, layerIds: ['A'] },
    ]);
    expect(historyTimeline(h, t0, t0 + 8 * HOUR)).toHaveLength(1);
    expect(historyTimelineRows(h, t0, t0 + 8 * HOUR).layers[0]?.segments).toHaveLength(1);
  });

  it("until: a structure change cuts a layer's until only if it removes the layer, and the answer's only if it changes the list", () => {
    const h = base([
      { effectiveFrom: t0, layerIds: ['A', 'B'] },
      { effectiveFrom: t0 + 2 * HOUR, layerIds: ['A', 'B'] },
      { effectiveFrom: t0 + 4 * HOUR, layerIds: ['A'] },
    ]);
    const r = resolveHistoryAt(h, t0 + HOUR, 24 * HOUR);
    expect(r.until).toBe(t0 + 4 * HOUR);
    // A never changes (one member): only the horizon bounds it; B is removed at 04:00.
    expect(r.layers.map((l) => l.until)).toEqual([t0 + 25 * HOUR, t0 + 4 * HOUR]);
  });

  it('finds gaps and sums hours across eras', () => {
    const h = base([
      { effectiveFrom: t0, layerIds: ['C'] },
      { effectiveFrom: t0 + 24 * HOUR, layerIds: ['A'] },
    ]);
    // Monday: carol 09–17 only; from Tuesday alice always.
    expect(historyGaps(h, t0, t0 + 48 * HOUR)).toEqual([
      { start: t0, end: t0 + 9 * HOUR },
      { start: t0 + 17 * HOUR, end: t0 + 24 * HOUR },
    ]);
    const hours = historyHours(h, t0, t0 + 48 * HOUR);
    expect(hours).toEqual(
      expect.arrayContaining([
        { userId: 'carol', total: 8, businessHours: 8, nights: 0, weekends: 0 },
        { userId: 'alice', total: 24, businessHours: 8, nights: 16, weekends: 0 },
      ]),
    );
  });

  it('timeline agrees with point resolution at every segment (property)', () => {
    const ids = ['A', 'B', 'C'];
    const structure = fc.record({
      effectiveFrom: fc.integer({ min: 0, max: 72 }).map((h) => t0 + h * HOUR),
      layerIds: fc.subarray(ids, { minLength: 0 }).chain((s) => fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length })),
    });
    fc.assert(
      fc.property(fc.array(structure, { maxLength: 5 }), (structures) => {
        const sorted = [...new Map(structures.map((s) => [s.effectiveFrom, s])).values()].sort((a, b) => a.effectiveFrom - b.effectiveFrom);
        const h = base(sorted);
        const segments = historyTimeline(h, t0, t0 + 96 * HOUR);
        // The timeline starts when the schedule first exists.
        const existsFrom = sorted[0]?.effectiveFrom;
        if (existsFrom === undefined || existsFrom >= t0 + 96 * HOUR) expect(segments).toEqual([]);
        else {
          expect(segments[0]?.start).toBe(Math.max(t0, existsFrom));
          expect(segments.at(-1)?.end).toBe(t0 + 96 * HOUR);
        }
        for (const s of segments) {
          for (const at of [s.start, s.end - 1, Math.floor((s.start + s.end) / 2)]) {
            expect(resolveHistoryAt(h, at).primary).toEqual(s.primary);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
