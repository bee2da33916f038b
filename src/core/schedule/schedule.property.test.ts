import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { coverageGaps } from './coverage.js';
import { onCallHours } from './hours-report.js';
import { nextLayerVersion } from './layer-version.js';
import { primaryAt, resolveAt } from './resolve.js';
import { startedVersion } from './rotation-start.js';
import { timeline, timelineRows } from './timeline.js';
import type {
  Absence,
  FixedShift,
  Instant,
  Layer,
  LayerDraft,
  LayerState,
  LayerVersion,
  Override,
  Primary,
  Restriction,
  RestrictionWindow,
  Rotation,
  RotationStart,
  Schedule,
  Weekday,
} from './types.js';
// A deliberately naive model of the rules in docs/SCHEDULES.md for property tests: it resolves one
// instant at a time from lists built with temporal-polyfill directly, sharing nothing
// with the implementation except the input types.

const DAY = 86_400_000;

function wallToInstant(zone: string, pdt: Temporal.PlainDateTime, edge: 'start' | 'end'): Instant {
  const earlier = pdt.toZonedDateTime(zone, { disambiguation: 'earlier' });
  if (!earlier.toPlainDateTime().equals(pdt)) return earlier.getTimeZoneTransition('next')!.epochMilliseconds;
  return edge === 'start' ? earlier.epochMilliseconds : pdt.toZonedDateTime(zone, { disambiguation: 'later' }).epochMilliseconds;
}

const plainAt = (instant: Instant, zone: string) => Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).toPlainDateTime();
const atTime = (date: Temporal.PlainDate, hhmm: string) => date.toPlainDateTime(Temporal.PlainTime.from(hhmm));

function handoffList(v: LayerVersion, from: Instant, to: Instant): Instant[] {
  const zone = v.timeZone;
  const r = v.rotation;
  const out: Instant[] = [];
  if (r.kind === 'daily' || r.kind === 'weekly') {
    const days = r.kind === 'weekly' ? [r.handoffDay] : (r.days ?? [1, 2, 3, 4, 5, 6, 7]);
    const time = r.handoffTime;
    for (let d = plainAt(from - 9 * DAY, zone).toPlainDate(); Temporal.PlainDate.compare(d, plainAt(to + 9 * DAY, zone).toPlainDate()) <= 0; d = d.add({ days: 1 })) {
      if ((days as number[]).includes(d.dayOfWeek)) out.push(wallToInstant(zone, atTime(d, time), 'start'));
    }
    return out;
  }
  if (r.kind === 'monthly') {
    // A month's turn can be 31 days long: look further back than for the weekly kinds.
    const last = plainAt(to + 40 * DAY, zone).toPlainDate().toPlainYearMonth();
    for (let m = plainAt(from - 40 * DAY, zone).toPlainDate().toPlainYearMonth(); Temporal.PlainYearMonth.compare(m, last) <= 0; m = m.add({ months: 1 })) {
      out.push(wallToInstant(zone, atTime(m.toPlainDate({ day: Math.min(r.handoffDay, m.daysInMonth) }), r.handoffTime), 'start'));
    }
    return out;
  }
  const anchor = Temporal.PlainDateTime.from(r.anchor);
  const hours = r.unit === 'hours' ? r.every : r.unit === 'days' ? r.every * 24 : r.every * 168;
  const wallMs = (p: Temporal.PlainDateTime) => p.toZonedDateTime('UTC').epochMilliseconds;
  const first = Math.floor((wallMs(plainAt(from, zone)) - 9 * DAY - wallMs(anchor)) / (hours * 3_600_000));
  const last = Math.ceil((wallMs(plainAt(to, zone)) + 9 * DAY - wallMs(anchor)) / (hours * 3_600_000));
  const anchorInstant = wallToInstant(zone, anchor, 'start');
  for (let k = first; k <= last; k++) {
    if (r.unit === 'hours' && 24 % r.every !== 0) out.push(anchorInstant + k * hours * 3_600_000);
    else if (r.unit === 'hours') out.push(wallToInstant(zone, anchor.add({ hours: k * hours }), 'start'));
    else out.push(wallToInstant(zone, anchor.add({ days: (k * hours) / 24 }), 'start'));
  }
  return out;
}

function windowsOf(v: LayerVersion): RestrictionWindow[] | null {
  const r = v.restriction;
  if (r.kind === 'always') return null;
  if (r.kind === 'business_hours') return [1, 2, 3, 4, 5].map((d) => ({ startDay: d, startTime: '09:00', endDay: d, endTime: '17:00' }) as RestrictionWindow);
  if (r.kind === 'weekends') return [{ startDay: 6, startTime: '00:00', endDay: 1, endTime: '00:00' }];
  if (r.kind === 'daily') {
    // Each listed day; an end not after the start belongs to the next day.
    return r.windows.flatMap((w) =>
      w.days.map((d) => ({ startDay: d, startTime: w.startTime, endDay: (w.endTime > w.startTime ? d : (d % 7) + 1) as Weekday, endTime: w.endTime })),
    );
  }
  return r.windows;
}

function activeIntervals(v: LayerVersion, from: Instant, to: Instant): [Instant, Instant][] | null {
  const windows = windowsOf(v);
  if (!windows) return null;
  const out: [Instant, Instant][] = [];
  let monday = plainAt(from - 9 * DAY, v.timeZone).toPlainDate();
  monday = monday.subtract({ days: monday.dayOfWeek - 1 });
  for (; Temporal.PlainDate.compare(monday, plainAt(to + 9 * DAY, v.timeZone).toPlainDate()) <= 0; monday = monday.add({ days: 7 })) {
    for (const w of windows) {
      const start = atTime(monday.add({ days: w.startDay - 1 }), w.startTime);
      let end = atTime(monday.add({ days: w.endDay - 1 }), w.endTime);
      if (Temporal.PlainDateTime.compare(end, start) <= 0) end = end.add({ days: 7 });
      out.push([wallToInstant(v.timeZone, start, 'start'), wallToInstant(v.timeZone, end, 'end')]);
    }
  }
  return out;
}

interface OracleResult {
  primary: Primary | null;
  shadows: string[];
  layers: LayerState[];
}

/** How many of the ascending `list` are <= t. */
function countUpTo(list: Instant[], t: Instant): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The rotation starts the generator asked for, by the version they made: the oracle reads
 * these rules rather than how the implementation chose to store a start.
 */
const startsOf = new WeakMap<LayerVersion, RotationStart>();

/** Returns a resolver valid for instants in [from, to). */
function oracle(schedule: Schedule, from: Instant, to: Instant): (t: Instant) => OracleResult {
  const prepared = schedule.layers.map((layer) =>
    layer.versions.map((v) => ({ v, handoffs: handoffList(v, Math.min(from, v.effectiveFrom), to), intervals: activeIntervals(v, from, to) })),
  );
  const replacing = schedule.overrides.filter((x) => x.mode !== 'shadow');
  const shadowing = schedule.overrides.filter((x) => x.mode === 'shadow');
  const layerOverrides = schedule.layers.map((l) => replacing.filter((x) => x.layerId === l.id));
  // Every shadow in force counts; a user never shadows themselves; sorted so that sets compare.
  const shadowsOf = (layerId: string | null, t: Instant, except: string | null) =>
    [...new Set(shadowing.filter((x) => x.layerId === layerId && x.start <= t && t < x.end && x.userId !== except).map((x) => x.userId))].sort();
  const layerShifts = schedule.layers.map((l) => schedule.fixedShifts.filter((x) => x.layerId === l.id));
  const isAway = (userId: string, t: Instant) => (schedule.timeOff ?? []).some((a) => a.userId === userId && a.start <= t && t < a.end);
  const overrideWinner = (list: Override[], t: Instant): Override | null => {
    let best: Override | null = null;
    for (const o of list) if (o.start <= t && t < o.end && (!best || o.createdAt >= best.createdAt)) best = o;
    return best;
  };
  const fixedWinner = (list: FixedShift[], t: Instant): FixedShift | null => {
    let best: FixedShift | null = null;
    for (const f of list) if (f.start <= t && t < f.end && (!best || f.start >= best.start)) best = f;
    return best;
  };
  return (t) => {
    const layers = schedule.layers.map((layer, li): LayerState => {
      const state = stateAt(layer, li, t);
      return { ...state, shadows: state.userId === null ? [] : shadowsOf(layer.id, t, state.userId) };
    });
    const wide = overrideWinner(replacing.filter((x) => x.layerId === null), t);
    const top = layers.find((l) => l.active && l.userId !== null);
    const primary: Primary | null = wide
      ? { userId: wide.userId, layerId: null, source: 'override' }
      : top
        ? { userId: top.userId!, layerId: top.layerId, source: top.source as Primary['source'], ...(top.coverFor !== undefined && { coverFor: top.coverFor }) }
        : null;
    // A replaced layer is not paged, so neither are its shadows; schedule-wide ones always are.
    const shadows = [...new Set([...(wide || !top ? [] : top.shadows), ...shadowsOf(null, t, primary?.userId ?? null)])].sort();
    return { primary, shadows, layers };
  };

  function stateAt(layer: Layer, li: number, t: Instant): Omit<LayerState, 'shadows'> {
    const versions = prepared[li]!;
    let current: (typeof versions)[number] | undefined;
    for (const p of versions) if (p.v.effectiveFrom <= t) current = p;
    if (!current) return { layerId: layer.id, userId: null, source: 'none', active: false };
    const { v, handoffs, intervals } = current;
    const active = intervals === null || intervals.some(([s, e]) => s <= t && t < e);
    const o = overrideWinner(layerOverrides[li]!, t);
    if (o) return { layerId: layer.id, userId: o.userId, source: 'override', active };
    const f = fixedWinner(layerShifts[li]!, t);
    if (f) return { layerId: layer.id, userId: f.userId, source: 'fixed', active };
    // Whose turn it is, and its position in the order (which the cover follows).
    let turn: { userId: string; index: number };
    const start = startsOf.get(v);
    const n = v.members.length;
    if (start) {
      // The member holds from the start to the end of the first whole turn that begins at
      // or after it: one more handoff when the start is not itself a handoff.
      const passed = countUpTo(handoffs, t) - countUpTo(handoffs, start.at);
      const turns = handoffs.includes(start.at) ? passed : Math.max(0, passed - 1);
      const index = (start.member + turns) % n;
      turn = { userId: v.members[index]!, index };
    } else {
      const passed = countUpTo(handoffs, t) - countUpTo(handoffs, v.effectiveFrom);
      const index = n === 0 ? 0 : (((v.startIndex + passed) % n) + n) % n;
      if (v.carryOver && t < v.carryOver.until) turn = { userId: v.carryOver.userId, index };
      else if (n === 0) return { layerId: layer.id, userId: null, source: 'none', active };
      else turn = { userId: v.members[index]!, index };
    }
    if (!active || !isAway(turn.userId, t)) return { layerId: layer.id, userId: turn.userId, source: 'rotation', active };
    // Away: the next member after the turn's position who is not, wrapping round.
    for (let step = 1; step <= n; step++) {
      const candidate = v.members[(turn.index + step) % n]!;
      if (!isAway(candidate, t)) return { layerId: layer.id, userId: candidate, source: 'cover', active, coverFor: turn.userId };
    }
    return { layerId: layer.id, userId: null, source: 'none', active, coverFor: turn.userId };
  }
}

// ---------------------------------------------------------------------------------------
// Generators: small schedules around DST transitions, over ranges of at most two days.

const MINUTE = 60_000;
const HOUR = 3_600_000;
const ZONES: Record<string, string[]> = {
  'America/Chicago': ['2024-03-10T08:00Z', '2024-11-03T07:00Z'],
  'Europe/London': ['2024-03-31T01:00Z', '2024-10-27T01:00Z'],
  'Asia/Tokyo': ['2024-06-01T00:00Z'],
  'Australia/Lord_Howe': ['2024-04-06T15:00Z', '2024-10-05T15:30Z'],
  'America/Santiago': ['2024-04-07T03:00Z', '2024-09-08T04:00Z'],
  'Asia/Beirut': ['2024-03-30T22:00Z', '2024-10-26T21:00Z'],
  // Month ends, where monthly days 29–31 clamp.
  UTC: ['2024-02-29T12:00Z', '2023-02-28T12:00Z', '2024-04-30T12:00Z'],
};
const USERS = ['ann', 'bob', 'cat', 'dan'];

const weekday = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>;
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const rotationArb = (near: Instant): fc.Arbitrary<Rotation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('daily' as const), handoffTime: hhmm, days: fc.option(fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }), { nil: undefined }) }),
    fc.record({ kind: fc.constant('weekly' as const), handoffDay: weekday, handoffTime: hhmm }),
    // Weighted up: a month has one handoff, and only days near `near` put one in the range
    // (on a DST change, or on the 29th–31st clamped at a month end).
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('monthly' as const),
        handoffDay: fc.oneof(fc.integer({ min: -1, max: 1 }).map((d) => new Date(near + d * 86_400_000).getUTCDate()), fc.constantFrom(29, 30, 31), fc.integer({ min: 1, max: 31 })),
        handoffTime: hhmm,
      }),
    },
    fc.record({
      kind: fc.constant('custom' as const),
      every: fc.integer({ min: 1, max: 13 }),
      unit: fc.constantFrom('hours' as const, 'days' as const, 'weeks' as const),
      anchor: fc.tuple(fc.integer({ min: -10, max: 10 }), hhmm).map(([d, time]) => `${new Date(near + d * 86_400_000).toISOString().slice(0, 10)}T${time}`),
    }),
  ).map((r) => (r.kind === 'daily' && r.days === undefined ? { kind: 'daily', handoffTime: r.handoffTime } : r) as Rotation);

const windowArb: fc.Arbitrary<RestrictionWindow> = fc.record({ startDay: weekday, startTime: hhmm, endDay: weekday, endTime: hhmm });
const restrictionArb: fc.Arbitrary<Restriction> = fc.oneof(
  fc.constant({ kind: 'always' as const }),
  fc.constant({ kind: 'business_hours' as const }),
  fc.constant({ kind: 'weekends' as const }),
  fc.record({ kind: fc.constant('custom' as const), windows: fc.array(windowArb, { minLength: 0, maxLength: 3 }) }),
  fc.record({
    kind: fc.constant('daily' as const),
    windows: fc.array(
      fc
        .record({ days: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }), startTime: hhmm, endTime: hhmm })
        .filter((w) => w.startTime !== w.endTime),
      { minLength: 0, maxLength: 2 },
    ),
  }),
);

interface Case {
  schedule: Schedule;
  from: Instant;
  to: Instant;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom(...Object.keys(ZONES)),
    pick: fc.nat(),
    shift: fc.integer({ min: -36 * 60, max: 12 * 60 }),
    length: fc.integer({ min: 60, max: 48 * 60 }),
  })
  .chain(({ zone, pick, shift, length }) => {
    const marks = ZONES[zone]!;
    const from = Date.parse(marks[pick % marks.length]!) + shift * MINUTE;
    const to = from + length * MINUTE;
    const minuteIn = (lo: Instant, hi: Instant) => fc.integer({ min: Math.floor(lo / MINUTE), max: Math.floor(hi / MINUTE) }).map((m) => m * MINUTE);
    const draftArb: fc.Arbitrary<LayerDraft> = fc.record({
      timeZone: fc.constantFrom(zone, zone, 'UTC'),
      rotation: rotationArb(from),
      restriction: restrictionArb,
      members: fc.array(fc.constantFrom(...USERS), { maxLength: 4 }),
    });
    // Some versions restart the rotation with a chosen member, at a minute or at a handoff.
    const restartArb = fc.option(fc.record({ member: fc.nat(), onHandoff: fc.boolean() }), { freq: 3 });
    const version = (versions: LayerVersion[], draft: LayerDraft, at: Instant, restart: { member: number; onHandoff: boolean } | null): LayerVersion => {
      if (!restart || draft.members.length === 0) return nextLayerVersion(versions, draft, at);
      const probe = { ...draft, effectiveFrom: at, startIndex: 0, carryOver: null };
      const start = { at: restart.onHandoff ? handoffList(probe, at, at).find((h) => h >= at)! : at, member: restart.member % draft.members.length };
      const v = startedVersion(draft, start);
      startsOf.set(v, start);
      return v;
    };
    const layerArb = (id: string): fc.Arbitrary<Layer> =>
      fc
        .record({
          first: draftArb,
          start: minuteIn(from - 10 * 24 * HOUR, from + 6 * HOUR),
          firstRestart: restartArb,
          second: fc.option(fc.tuple(draftArb, minuteIn(from - 24 * HOUR, to), restartArb)),
        })
        .map(({ first, start, firstRestart, second }) => {
          let versions: LayerVersion[] = [version([], first, start, firstRestart)];
          const last = versions[0]!.effectiveFrom;
          if (second && second[1] > last) {
            const next = version(versions, second[0], second[1], second[2]);
            if (next.effectiveFrom > last) versions = [...versions, next];
          }
          return { id, name: id, versions };
        });
    const span = fc.tuple(minuteIn(from - 12 * HOUR, to + 12 * HOUR), fc.integer({ min: 1, max: 36 * 60 })).map(([start, len]) => ({ start, end: start + len * MINUTE }));
    return fc.integer({ min: 1, max: 3 }).chain((count) => {
      const ids = Array.from({ length: count }, (_, i) => `L${i}`);
      return fc.record({
        layers: fc.tuple(...ids.map(layerArb)),
        overrides: fc.array(
          fc.record({
            span,
            layerId: fc.constantFrom<string | null>(null, ...ids),
            userId: fc.constantFrom(...USERS),
            createdAt: fc.integer({ min: 0, max: 5 }),
            mode: fc.constantFrom(undefined, 'replace' as const, 'shadow' as const),
          }),
          { maxLength: 4 },
        ),
        fixedShifts: fc.array(fc.record({ span, layerId: fc.constantFrom(...ids), userId: fc.constantFrom(...USERS) }), { maxLength: 2 }),
        timeOff: fc.array(fc.record({ span, userId: fc.constantFrom(...USERS) }), { maxLength: 3 }),
      }).map(({ layers, overrides, fixedShifts, timeOff }) => ({
        from,
        to,
        schedule: {
          timeZone: zone,
          layers,
          // No mode is how every override was stored before shadows: it must mean 'replace'.
          overrides: overrides.map((o, i): Override => ({ id: `o${i}`, layerId: o.layerId, userId: o.userId, createdAt: o.createdAt, ...(o.mode && { mode: o.mode }), ...o.span })),
          fixedShifts: fixedShifts.map((f): FixedShift => ({ layerId: f.layerId, userId: f.userId, ...f.span })),
          timeOff: timeOff.map((a): Absence => ({ userId: a.userId, ...a.span })),
        },
      }));
    });
  });

/**
 * A case and an instant in it, with a schedule-wide override, a layer override and a fixed
 * shift that all start after the instant (within a day): the spans `until` used to miss.
 */
const laterCaseArb: fc.Arbitrary<{ c: Case; t: Instant }> = caseArb.chain((c) => {
  const ids = c.schedule.layers.map((l) => l.id);
  const t = fc.integer({ min: Math.floor(c.from / MINUTE), max: Math.floor((c.to - 1) / MINUTE) }).map((m) => m * MINUTE);
  return t.chain((at) => {
    const span = fc.tuple(fc.integer({ min: 1, max: 24 * 60 }), fc.integer({ min: 1, max: 12 * 60 })).map(([after, len]) => ({ start: at + after * MINUTE, end: at + (after + len) * MINUTE }));
    return fc
      .record({
        wide: fc.record({ span, userId: fc.constantFrom(...USERS), createdAt: fc.integer({ min: 0, max: 5 }) }),
        onLayer: fc.record({ span, layerId: fc.constantFrom(...ids), userId: fc.constantFrom(...USERS), createdAt: fc.integer({ min: 0, max: 5 }) }),
        shadow: fc.record({ span, layerId: fc.constantFrom<string | null>(null, ...ids), userId: fc.constantFrom(...USERS) }),
        fixed: fc.record({ span, layerId: fc.constantFrom(...ids), userId: fc.constantFrom(...USERS) }),
      })
      .map(({ wide, onLayer, shadow, fixed }) => ({
        t: at,
        c: {
          ...c,
          schedule: {
            ...c.schedule,
            overrides: [
              ...c.schedule.overrides,
              { id: 'later-wide', layerId: null, userId: wide.userId, createdAt: wide.createdAt, ...wide.span },
              { id: 'later-layer', layerId: onLayer.layerId, userId: onLayer.userId, createdAt: onLayer.createdAt, ...onLayer.span },
              { id: 'later-shadow', layerId: shadow.layerId, userId: shadow.userId, createdAt: 0, mode: 'shadow', ...shadow.span },
            ],
            fixedShifts: [...c.schedule.fixedShifts, { layerId: fixed.layerId, userId: fixed.userId, ...fixed.span }],
          },
        },
      }));
  });
});

const samePrimary = (a: Primary | null, b: Primary | null) => JSON.stringify(a) === JSON.stringify(b);
const key = (r: { primary: Primary | null; shadows: string[]; layers: LayerState[] }) =>
  JSON.stringify([r.primary, r.shadows, r.layers.map(({ layerId, userId, source, active, shadows, coverFor }) => [layerId, userId, source, active, shadows, coverFor ?? null])]);

function minutesOf(c: Case) {
  const resolve = oracle(c.schedule, c.from, c.to);
  const out: { t: Instant; result: OracleResult }[] = [];
  for (let t = c.from; t < c.to; t += MINUTE) out.push({ t, result: resolve(t) });
  return out;
}

const RUNS = { numRuns: 50 };

// Generous timeout: shrinking a counterexample on a busy 2-core machine takes a while.
describe('schedule properties against a minute-by-minute oracle', { timeout: 60_000 }, () => {
  it('timeline equals the oracle, its segments are maximal, and each primary comes from an active layer or a schedule-wide override', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const minutes = minutesOf(c);
        const segments = timeline(c.schedule, c.from, c.to);
        expect(segments[0]?.start).toBe(c.from);
        expect(segments[segments.length - 1]?.end).toBe(c.to);
        let i = 0;
        segments.forEach((s, n) => {
          expect(s.end).toBeGreaterThan(s.start);
          if (n > 0) {
            expect(s.start).toBe(segments[n - 1]!.end);
            expect(key(s)).not.toBe(key(segments[n - 1]!));
          }
          for (; i < minutes.length && minutes[i]!.t < s.end; i++) {
            // expect() per minute is slow; only build the assertion on a mismatch.
            const want = key(minutes[i]!.result);
            if (key(s) !== want) expect(`${new Date(minutes[i]!.t).toISOString()} ${key(s)}`).toBe(`${new Date(minutes[i]!.t).toISOString()} ${want}`);
          }
          if (s.primary?.layerId) {
            const layer = s.layers.find((l) => l.layerId === s.primary!.layerId)!;
            expect(layer.active && layer.userId === s.primary.userId).toBe(true);
            // Nothing above it was both active and staffed.
            for (const above of s.layers.slice(0, s.layers.indexOf(layer))) expect(above.active && above.userId !== null).toBe(false);
          } else if (s.primary) {
            expect(c.schedule.overrides.some((o) => o.layerId === null && o.userId === s.primary!.userId && o.start <= s.start && s.start < o.end)).toBe(true);
          }
        });
        expect(i).toBe(minutes.length);
      }),
      RUNS,
    );
  });

  it('rows, final row and coverage gaps agree with the oracle', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const minutes = minutesOf(c);
        const rows = timelineRows(c.schedule, c.from, c.to);
        // Segments are walked in order alongside the minutes.
        const cursors = new Map<unknown[], number>();
        const at = <T extends { start: Instant; end: Instant }>(list: T[], t: Instant): T => {
          let i = cursors.get(list) ?? 0;
          while (list[i]!.end <= t) i++;
          cursors.set(list, i);
          return list[i]!;
        };
        for (const { t, result } of minutes) {
          const final = at(rows.final, t);
          const got = JSON.stringify([final.primary, final.shadows, ...rows.layers.map((row) => at(row.segments, t)).map((x) => [x.userId, x.source, x.active, x.shadows, x.coverFor ?? null])]);
          const want = JSON.stringify([result.primary, result.shadows, ...result.layers.map((x) => [x.userId, x.source, x.active, x.shadows, x.coverFor ?? null])]);
          if (got !== want) expect(`${new Date(t).toISOString()} ${got}`).toBe(`${new Date(t).toISOString()} ${want}`);
        }
        for (const list of [rows.final, ...rows.layers.map((r) => r.segments)]) {
          list.forEach((s, n) => n > 0 && expect(s.start).toBe(list[n - 1]!.end));
        }
        const expectedGaps: { start: Instant; end: Instant }[] = [];
        for (const { t, result } of minutes) {
          if (result.primary) continue;
          const last = expectedGaps[expectedGaps.length - 1];
          if (last && last.end === t) last.end = t + MINUTE;
          else expectedGaps.push({ start: t, end: t + MINUTE });
        }
        expect(coverageGaps(c.schedule, c.from, c.to)).toEqual(expectedGaps);
      }),
      RUNS,
    );
  });

  it('resolveAt and primaryAt agree with the oracle, and until is the next change', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0, max: 1, noNaN: true }), (c, where) => {
        const minutes = minutesOf(c);
        const index = Math.min(minutes.length - 1, Math.floor(where * minutes.length));
        const { t, result } = minutes[index]!;
        const r = resolveAt(c.schedule, t);
        expect(key(r)).toBe(key(result));
        expect(samePrimary(primaryAt(c.schedule, t), result.primary)).toBe(true);
        const change = minutes.slice(index).find((m) => key(m.result) !== key(result));
        if (change) expect(r.until).toBe(change.t);
        else expect(r.until).toBeGreaterThanOrEqual(c.to);
        r.layers.forEach((l, li) => {
          const layerChange = minutes.slice(index).find((m) => key({ primary: null, shadows: [], layers: [m.result.layers[li]!] }) !== key({ primary: null, shadows: [], layers: [result.layers[li]!] }));
          if (layerChange) expect(l.until).toBe(layerChange.t);
          else expect(l.until).toBeGreaterThanOrEqual(c.to);
        });
      }),
      RUNS,
    );
  });

  it('until, with overrides and fixed shifts that start later: the answer holds at every minute before it and differs at it', () => {
    const horizon = 2 * DAY;
    const layerKey = (r: OracleResult, li: number) => key({ primary: null, shadows: [], layers: [r.layers[li]!] });
    fc.assert(
      fc.property(laterCaseArb, ({ c, t }) => {
        const r = resolveAt(c.schedule, t, horizon);
        const resolve = oracle(c.schedule, t, t + horizon + MINUTE);
        const answers: OracleResult[] = [];
        const last = Math.max(r.until, ...r.layers.map((l) => l.until));
        for (let m = t; m <= last; m += MINUTE) answers.push(resolve(m));
        expect(key(r)).toBe(key(answers[0]!));
        const holdsUntil = (what: string, until: Instant, keyOf: (x: OracleResult) => string) => {
          expect(until).toBeGreaterThan(t);
          expect(until).toBeLessThanOrEqual(t + horizon);
          const want = keyOf(answers[0]!);
          for (let m = t; m < until; m += MINUTE) {
            const got = keyOf(answers[(m - t) / MINUTE]!);
            if (got !== want) expect(`${what} at ${new Date(m).toISOString()}: ${got}`).toBe(`${what} at ${new Date(m).toISOString()}: ${want}`);
          }
          // Only the horizon may end a span without a change.
          if (until < t + horizon) expect(`${what} at until: ${keyOf(answers[(until - t) / MINUTE]!)}`).not.toBe(`${what} at until: ${want}`);
        };
        holdsUntil('answer', r.until, key);
        r.layers.forEach((l, li) => holdsUntil(`layer ${l.layerId}`, l.until, (x) => layerKey(x, li)));
      }),
      RUNS,
    );
  });

  it('onCallHours matches classifying each on-call minute by the local clock', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const expected = new Map<string, { userId: string; total: number; businessHours: number; nights: number; weekends: number }>();
        for (const { t, result } of minutesOf(c)) {
          if (!result.primary) continue;
          const local = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(c.schedule.timeZone);
          const bucket = local.dayOfWeek >= 6 ? 'weekends' : local.hour >= 9 && local.hour < 17 ? 'businessHours' : 'nights';
          const row = expected.get(result.primary.userId) ?? { userId: result.primary.userId, total: 0, businessHours: 0, nights: 0, weekends: 0 };
          row[bucket] += 1 / 60;
          row.total += 1 / 60;
          expected.set(row.userId, row);
        }
        const round = (rows: { userId: string; total: number; businessHours: number; nights: number; weekends: number }[]) =>
          rows.map((r) => [r.userId, Math.round(r.total * 60), Math.round(r.businessHours * 60), Math.round(r.nights * 60), Math.round(r.weekends * 60)]);
        const want = [...expected.values()].sort((a, b) => a.userId.localeCompare(b.userId));
        expect(round(onCallHours(c.schedule, c.from, c.to))).toEqual(round(want));
      }),
      { numRuns: 25 },
    );
  });
  it('time off: a rotation turn or a cover never puts someone away on call while the layer is on duty', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const awayDuring = (userId: string, start: Instant, end: Instant) => (c.schedule.timeOff ?? []).some((a) => a.userId === userId && a.start < end && start < a.end);
        for (const row of timelineRows(c.schedule, c.from, c.to).layers) {
          for (const s of row.segments) {
            if (!s.active || s.userId === null || (s.source !== 'rotation' && s.source !== 'cover')) continue;
            expect(awayDuring(s.userId, s.start, s.end), `${row.layerId} ${s.userId} ${s.source} ${new Date(s.start).toISOString()}`).toBe(false);
            if (s.source === 'cover') expect(s.coverFor !== undefined && awayDuring(s.coverFor, s.start, s.end)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('time off: without absences nothing changes, and outside them the answer (and so turn counting) is the one without time off', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { timeOff = [], ...rest } = c.schedule;
        const without: Schedule = rest;
        expect(timeline({ ...without, timeOff: [] }, c.from, c.to)).toEqual(timeline(without, c.from, c.to));
        const withTimeOff = oracle(c.schedule, c.from, c.to);
        const plain = oracle(without, c.from, c.to);
        const segments = timeline(c.schedule, c.from, c.to);
        const plainSegments = timeline(without, c.from, c.to);
        const at = (list: typeof segments, t: Instant) => list.find((s) => s.start <= t && t < s.end)!;
        for (let t = c.from; t < c.to; t += MINUTE) {
          if (timeOff.some((a) => a.start <= t && t < a.end)) continue;
          expect(key(at(segments, t))).toBe(key(at(plainSegments, t)));
          expect(key(withTimeOff(t))).toBe(key(plain(t)));
        }
      }),
      { numRuns: 25 },
    );
  });
});
