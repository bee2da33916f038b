import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveHistoryAt, type ScheduleHistory } from './history.js';
import { editLayer } from './layer-version.js';
import type { Instant, LayerDraft, Override, Range, Restriction, Rotation } from './types.js';
import { classifyGaps, clipPieces, unintendedGaps, upcomingGaps } from './upcoming-gaps.js';

const ms = (text: string) => Date.parse(text);
const iso = (t: number) => new Date(t).toISOString().replace(':00.000Z', 'Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = ms('2026-11-02T00:00Z');

function history(drafts: LayerDraft[], overrides: Override[] = []): ScheduleHistory {
  const layers = drafts.map((draft, i) => ({ id: `L${i}`, name: `L${i}`, versions: editLayer([], draft, START) }));
  return { timeZone: 'UTC', layers, structures: [{ effectiveFrom: START, layerIds: layers.map((l) => l.id) }], overrides, fixedShifts: [] };
}

const pieces = (list: { start: Instant; end: Instant; intended?: boolean }[]) => list.map((p) => `${iso(p.start)}/${iso(p.end)}${p.intended ? ' intended' : ''}`);

describe('classifyGaps', () => {
  const gap = { start: ms('2026-12-03T17:00Z'), end: ms('2026-12-04T09:00Z') };

  it('keeps a gap whole when nothing is intended', () => {
    expect(pieces(classifyGaps([gap], []))).toEqual(['2026-12-03T17:00Z/2026-12-04T09:00Z']);
  });

  it('keeps the uncovered parts of a gap partly marked intended', () => {
    const intended = [{ start: ms('2026-12-03T20:00Z'), end: ms('2026-12-04T02:00Z') }];
    expect(pieces(classifyGaps([gap], intended))).toEqual([
      '2026-12-03T17:00Z/2026-12-03T20:00Z',
      '2026-12-03T20:00Z/2026-12-04T02:00Z intended',
      '2026-12-04T02:00Z/2026-12-04T09:00Z',
    ]);
  });

  it('merges overlapping intended ranges and clips them to the gap', () => {
    const intended = [
      { start: ms('2026-12-04T01:00Z'), end: ms('2026-12-05T00:00Z') },
      { start: ms('2026-12-03T00:00Z'), end: ms('2026-12-04T03:00Z') },
    ];
    expect(pieces(classifyGaps([gap], intended))).toEqual(['2026-12-03T17:00Z/2026-12-04T09:00Z intended']);
  });

  it('ignores intended ranges that only touch a gap', () => {
    const intended = [{ start: gap.end, end: gap.end + HOUR }, { start: gap.start - HOUR, end: gap.start }];
    expect(pieces(classifyGaps([gap], intended))).toEqual(['2026-12-03T17:00Z/2026-12-04T09:00Z']);
  });
});

describe('upcomingGaps', () => {
  const businessHours: LayerDraft = { timeZone: 'UTC', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: ['ann', 'bob'] };

  it('finds the nights and the weekend of a business-hours-only schedule', () => {
    const h = history([businessHours]);
    expect(pieces(upcomingGaps(h, ms('2026-12-04T12:00Z'), ms('2026-12-08T12:00Z'), []))).toEqual([
      '2026-12-04T17:00Z/2026-12-07T09:00Z',
      '2026-12-07T17:00Z/2026-12-08T09:00Z',
    ]);
  });

  it('sees an override filling part of a gap, and leaves out what is intended', () => {
    const cover: Override = { id: 'o1', layerId: null, userId: 'cat', start: ms('2026-12-05T00:00Z'), end: ms('2026-12-06T00:00Z'), createdAt: START };
    const h = history([businessHours], [cover]);
    const intended = [{ start: ms('2026-12-07T17:00Z'), end: ms('2026-12-08T09:00Z') }];
    expect(pieces(unintendedGaps(h, ms('2026-12-04T12:00Z'), ms('2026-12-08T12:00Z'), intended))).toEqual([
      '2026-12-04T17:00Z/2026-12-05T00:00Z',
      '2026-12-06T00:00Z/2026-12-07T09:00Z',
    ]);
  });
});

// Property: what the scan reports equals the maximal runs of minutes at which the
// schedule, resolved one instant at a time (resolveHistoryAt, not the timeline sweep the
// scan uses), has no primary and no intended range applies.
const restrictions: Restriction[] = [{ kind: 'always' }, { kind: 'business_hours' }, { kind: 'weekends' }, { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5], startTime: '18:00', endTime: '08:00' }] }];
const rotations: Rotation[] = [
  { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' },
  { kind: 'daily', handoffTime: '08:30' },
  { kind: 'daily', handoffTime: '22:00', days: [1, 3, 5] },
];
const people = ['ann', 'bob', 'cat'];
const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu'];
const WINDOW_MIN = ms('2026-11-20T00:00Z');

const draftArb = fc.record({
  timeZone: fc.constantFrom(...zones),
  rotation: fc.constantFrom(...rotations),
  restriction: fc.constantFrom(...restrictions),
  members: fc.array(fc.constantFrom(...people), { maxLength: 3 }),
});
const spanArb = (from: Instant, hours: number) =>
  fc.tuple(fc.integer({ min: 0, max: hours * 60 }), fc.integer({ min: 1, max: 30 * 60 })).map(([at, length]) => ({ start: from + at * MINUTE, end: from + (at + length) * MINUTE }));

const caseArb = fc.integer({ min: 0, max: 14 * 24 }).chain((offsetHours) => {
  const from = WINDOW_MIN + offsetHours * HOUR;
  return fc.record({
    from: fc.constant(from),
    hours: fc.integer({ min: 1, max: 48 }),
    drafts: fc.array(draftArb, { minLength: 1, maxLength: 3 }),
    overrides: fc.array(fc.tuple(spanArb(from - 12 * HOUR, 60), fc.constantFrom(...people), fc.boolean()), { maxLength: 3 }),
    intended: fc.array(spanArb(from - 12 * HOUR, 60), { maxLength: 3 }),
  });
});

/** The minutes of [from, to) at which nobody is primary. */
function emptyMinutes(h: ScheduleHistory, from: Instant, to: Instant): Instant[] {
  const empty: Instant[] = [];
  for (let t = from; t < to; t += MINUTE) if (!resolveHistoryAt(h, t).primary) empty.push(t);
  return empty;
}

function oracle(empty: Instant[], intended: Range[]): Range[] {
  const runs: Range[] = [];
  for (const t of empty) {
    if (intended.some((r) => r.start <= t && t < r.end)) continue;
    const last = runs[runs.length - 1];
    if (last && last.end === t) last.end = t + MINUTE;
    else runs.push({ start: t, end: t + MINUTE });
  }
  return runs;
}

describe('upcomingGaps against a minute-by-minute oracle', () => {
  it('reports exactly the runs with no primary and nothing intended; marking them all leaves none', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const overrides = c.overrides.map(([span, userId, wide], i): Override => ({ id: `o${i}`, layerId: wide ? null : 'L0', userId, ...span, createdAt: START + i }));
        const h = history(c.drafts, overrides);
        const to = c.from + c.hours * HOUR;
        const found = unintendedGaps(h, c.from, to, c.intended);
        const empty = emptyMinutes(h, c.from, to);
        expect(found).toEqual(oracle(empty, c.intended));
        // Without intended ranges, the pieces are the plain gaps, all unintended.
        const all = upcomingGaps(h, c.from, to, []);
        expect(all.every((p) => !p.intended)).toBe(true);
        expect(all.map(({ start, end }) => ({ start, end }))).toEqual(oracle(empty, []));
        expect(unintendedGaps(h, c.from, to, [...c.intended, ...found])).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('clipPieces', () => {
  it('cuts the pieces of a wider scan to exactly what a scan of the narrower window finds', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 36 }), fc.integer({ min: 0, max: 36 }), (c, before, after) => {
        const overrides = c.overrides.map(([span, userId, wide], i): Override => ({ id: `o${i}`, layerId: wide ? null : 'L0', userId, ...span, createdAt: START + i }));
        const h = history(c.drafts, overrides);
        const to = c.from + c.hours * HOUR;
        const wide = upcomingGaps(h, c.from - before * HOUR, to + after * HOUR, c.intended);
        expect(clipPieces(wide, c.from, to)).toEqual(upcomingGaps(h, c.from, to, c.intended));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
