import { DAY, WEEK } from '../time/units.js';
import { msOfWeek, parseTimeOfDay, startOfWeek, weekOffset } from '../time/wall-clock.js';
import type { ZoneRules } from '../time/zone.js';
import type { DailyWindow, Instant, Restriction, RestrictionWindow, Weekday } from './types.js';

/** When a layer is active. Edges are the instants where activity may change. */
export interface Mask {
  activeAt(instant: Instant): boolean;
  /** An instant after `instant` no later than the next change of `activeAt`. */
  nextEdge(instant: Instant): Instant;
}

/** A window as offsets from Monday 00:00 wall time; `end` may exceed a week (it wraps). */
interface Span {
  start: number;
  end: number;
}

export const BUSINESS_HOURS: RestrictionWindow[] = ([1, 2, 3, 4, 5] as const).map((day) => ({
  startDay: day,
  startTime: '09:00',
  endDay: day,
  endTime: '17:00',
}));

export const WEEKENDS: RestrictionWindow[] = [{ startDay: 6, startTime: '00:00', endDay: 1, endTime: '00:00' }];

const ALWAYS: Mask = { activeAt: () => true, nextEdge: () => Infinity };
const NEVER: Mask = { activeAt: () => false, nextEdge: () => Infinity };

/**
 * A daily window as one weekly window per listed day. The end falls on the next day when
 * it is not after the start, so an (unvalidated) equal end is a whole day, never a week.
 */
export function weeklyWindowsOf(window: DailyWindow): RestrictionWindow[] {
  const overnight = parseTimeOfDay(window.endTime) <= parseTimeOfDay(window.startTime);
  return window.days.map((day) => ({
    startDay: day,
    startTime: window.startTime,
    endDay: overnight ? (((day % 7) + 1) as Weekday) : day,
    endTime: window.endTime,
  }));
}

export function restrictionWindows(restriction: Restriction): RestrictionWindow[] | null {
  switch (restriction.kind) {
    case 'always':
      return null;
    case 'business_hours':
      return BUSINESS_HOURS;
    case 'weekends':
      return WEEKENDS;
    case 'daily':
      return restriction.windows.flatMap(weeklyWindowsOf);
    case 'custom':
      return restriction.windows;
  }
}

// The presets are parsed once: compiling a restriction is on the paging hot path.
const BUSINESS_SPANS = mergeSpans(BUSINESS_HOURS.map(toSpan));
const WEEKEND_SPANS = mergeSpans(WEEKENDS.map(toSpan));

function spansOf(restriction: Restriction): Span[] | null {
  if (restriction.kind === 'business_hours') return BUSINESS_SPANS;
  if (restriction.kind === 'weekends') return WEEKEND_SPANS;
  return restriction.kind === 'always' ? null : mergeSpans((restrictionWindows(restriction) as RestrictionWindow[]).map(toSpan));
}

export function compileRestriction(restriction: Restriction, zone: ZoneRules): Mask {
  const spans = spansOf(restriction);
  if (!spans || spans.some((s) => s.end - s.start >= WEEK)) return ALWAYS;
  if (spans.length === 0) return NEVER;
  return new WeeklyMask(spans, zone);
}

class WeeklyMask implements Mask {
  /** Sorted wall offsets in [0, WEEK) where a span starts or ends; built on first use. */
  private edges: number[] | null = null;

  constructor(
    private readonly spans: Span[],
    private readonly zone: ZoneRules,
  ) {}

  activeAt(instant: Instant): boolean {
    // Away from transitions the wall clock alone decides; near one, an ambiguous wall
    // time needs the real instants of the window edges.
    if (this.zone.offsetAt(instant - DAY) === this.zone.offsetAt(instant + DAY)) {
      const m = msOfWeek(this.zone.toWall(instant));
      for (const s of this.spans) if ((m >= s.start && m < s.end) || m + WEEK < s.end) return true;
      return false;
    }
    return this.occurrences(instant).some(([start, end]) => start <= instant && instant < end);
  }

  nextEdge(instant: Instant): Instant {
    const edges = (this.edges ??= this.spans.flatMap((s) => [s.start, s.end % WEEK]).sort((a, b) => a - b));
    const m = msOfWeek(this.zone.toWall(instant));
    const next = edges.find((e) => e > m) ?? (edges[0] as number) + WEEK;
    const ahead = next - m;
    if (this.zone.nextTransition(instant - DAY, ahead + 2 * DAY) === Infinity) return instant + ahead;
    let best = Infinity;
    for (const [start, end] of this.occurrences(instant)) {
      if (start > instant && start < best) best = start;
      if (end > instant && end < best) best = end;
    }
    return best;
  }

  /** Each span occurrence as real instants, for the days around a DST transition. */
  private occurrences(instant: Instant): [Instant, Instant][] {
    const week = startOfWeek(this.zone.toWall(instant));
    const result: [Instant, Instant][] = [];
    for (const w of [week - WEEK, week, week + WEEK]) {
      for (const s of this.spans) result.push([this.zone.fromWall(w + s.start, 'start'), this.zone.fromWall(w + s.end, 'end')]);
    }
    return result;
  }
}

function toSpan(window: RestrictionWindow): Span {
  for (const day of [window.startDay, window.endDay]) {
    if (!Number.isInteger(day) || day < 1 || day > 7) throw new RangeError(`window days must be ISO weekdays 1..7, got ${day}`);
  }
  const start = weekOffset(window.startDay, parseTimeOfDay(window.startTime));
  let end = weekOffset(window.endDay, parseTimeOfDay(window.endTime));
  // An end at or before the start wraps past the week end; equal means the whole week
  // (validation refuses new ones, but stored windows keep meaning what they meant).
  if (end <= start) end += WEEK;
  return { start, end };
}

/** Union of spans, including those that wrap into the next week. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  // The last span may wrap past the week end into the first ones.
  for (;;) {
    const head = merged[0];
    const tail = merged[merged.length - 1];
    if (merged.length < 2 || !head || !tail || tail.end - WEEK < head.start) return merged;
    tail.end = Math.max(tail.end, head.end + WEEK);
    merged.shift();
  }
}
