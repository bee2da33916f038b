import type { Instant } from '../schedule/types.js';
import { DAY, floorDiv } from '../time/units.js';
import { zone } from '../time/zone.js';
import type { OutageView, UptimeDayView } from './view.js';

/** One local day of a page: [start, end) as instants; 23 or 25 hours on DST days. */
export interface DaySpan {
  date: string;
  start: Instant;
  end: Instant;
}

export interface Span {
  start: Instant;
  end: Instant;
}

/** The `count` local days in `timeZone` ending with the one holding `now`, oldest first. */
export function daysEndingAt(timeZone: string, now: Instant, count: number): DaySpan[] {
  const rules = zone(timeZone);
  const today = floorDiv(rules.toWall(now), DAY) * DAY;
  const days: DaySpan[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const wall = today - i * DAY;
    // A midnight skipped by DST starts the day at the first instant after the gap.
    days.push({ date: new Date(wall).toISOString().slice(0, 10), start: rules.fromWall(wall, 'start'), end: rules.fromWall(wall + DAY, 'start') });
  }
  return days;
}

/**
 * How a database can tell which of `days` an instant falls in with plain integer
 * arithmetic: day = floor((t + offset(t) - firstWall) / DAY), where the zone's offset is
 * constant between the few transitions listed (`until` null: to the end).
 */
export interface DayBucketing {
  since: Instant;
  /** Local midnight of the first day as a wall time. */
  firstWall: number;
  offsets: { until: Instant | null; offset: number }[];
}

export function dayBucketing(timeZone: string, days: readonly DaySpan[]): DayBucketing {
  const rules = zone(timeZone);
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return { since: 0, firstWall: 0, offsets: [{ until: null, offset: 0 }] };
  const offsets: DayBucketing['offsets'] = [];
  for (let t = first.start; ; ) {
    const next = rules.nextTransition(t, last.end - t);
    offsets.push({ until: next === Infinity ? null : next, offset: rules.offsetAt(t) });
    if (next === Infinity) break;
    t = next;
  }
  return { since: first.start, firstWall: Date.parse(`${first.date}T00:00:00Z`), offsets };
}

/** Checks of a checked monitor from `hour` on: outside maintenance, those passed, and checks inside. */
export interface RollupHour {
  hour: Instant;
  checks: number;
  up: number;
  maintenance: number;
}

/** A monitor as its uptime bar reads it. */
export interface MonitorHistory {
  /** Checked monitors have rollups; pushed ones are up but while an incident is open. */
  checked: boolean;
  /** Pushed monitors have data from their creation on. */
  createdAt: Instant;
  /** Counted into the day holding `hour`: hourly rollups, or their sums per day (`hour` the day's start). */
  rollups: readonly RollupHour[];
  /**
   * The hourly rollups of hours that may start inside a page maintenance (a subset of the
   * hours `rollups` counts): their failed checks are counted as up for the components the
   * maintenance names.
   */
  maintenanceHours: readonly RollupHour[];
  /** Its incidents' open intervals; end null while open. */
  incidents: readonly { start: Instant; end: Instant | null }[];
}

export interface ComponentHistory {
  monitors: readonly MonitorHistory[];
  /** Page maintenances naming the component: their time is never downtime. */
  maintenance: readonly Span[];
}

/**
 * A component's uptime bar: per day the worst (lowest) uptime of its monitors that have
 * data that day, whether any of it was maintenance, and its monitors' outages clipped to
 * the day. Checked monitors count checks: those in their own maintenance windows, and all
 * of an hour starting inside a page maintenance, count as up. Pushed monitors count time:
 * an open incident is down, but not during page maintenance. Hours belong to the day
 * their start falls in (a zone half an hour off UTC splits none of them).
 */
export function componentDays(days: readonly DaySpan[], now: Instant, component: ComponentHistory): UptimeDayView[] {
  const perMonitor = component.monitors.map((m) => (m.checked ? checkedDays(days, m, component.maintenance) : pushedDays(days, now, m, component.maintenance)));
  const allIncidents = component.monitors.flatMap((m) => m.incidents);
  return days.map((day, i) => {
    let uptime: number | null = null;
    let maintenance = component.maintenance.some((s) => s.start < day.end && day.start < s.end && s.start < now);
    for (const days of perMonitor) {
      const d = days[i] as MonitorDay;
      if (d.maintenance) maintenance = true;
      if (d.uptime !== null && (uptime === null || d.uptime < uptime)) uptime = d.uptime;
    }
    return { date: day.date, uptime, maintenance, outages: outagesOf(allIncidents, day, now) };
  });
}

/** The mean over the days with data; null when none has. */
export function uptimeOver(days: readonly UptimeDayView[]): number | null {
  const known = days.flatMap((d) => (d.uptime === null ? [] : [d.uptime]));
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

interface MonitorDay {
  uptime: number | null;
  maintenance: boolean;
}

/** Index of the day holding `at`, or -1 outside them all; days are contiguous. */
function dayIndex(days: readonly DaySpan[], at: Instant): number {
  let low = 0;
  let high = days.length - 1;
  if (high < 0 || at < (days[0] as DaySpan).start || at >= (days[high] as DaySpan).end) return -1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((days[mid] as DaySpan).start <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

function checkedDays(days: readonly DaySpan[], m: MonitorHistory, pageMaintenance: readonly Span[]): MonitorDay[] {
  const sums = days.map(() => ({ counted: 0, up: 0, maintenance: false }));
  for (const r of m.rollups) {
    const i = dayIndex(days, r.hour);
    if (i < 0) continue;
    const sum = sums[i] as (typeof sums)[number];
    sum.counted += r.checks + r.maintenance;
    sum.up += r.up + r.maintenance;
    if (r.maintenance > 0) sum.maintenance = true;
  }
  for (const r of m.maintenanceHours) {
    const i = dayIndex(days, r.hour);
    if (i < 0 || r.checks === 0 || !pageMaintenance.some((s) => s.start <= r.hour && r.hour < s.end)) continue;
    const sum = sums[i] as (typeof sums)[number];
    sum.up += r.checks - r.up;
    sum.maintenance = true;
  }
  return sums.map((s) => ({ uptime: s.counted === 0 ? null : s.up / s.counted, maintenance: s.maintenance }));
}

function pushedDays(days: readonly DaySpan[], now: Instant, m: MonitorHistory, pageMaintenance: readonly Span[]): MonitorDay[] {
  const down = merge(m.incidents.map((i) => ({ start: i.start, end: i.end ?? now })));
  const excused = merge([...pageMaintenance]);
  return days.map((day) => {
    const from = Math.max(day.start, m.createdAt);
    const to = Math.min(day.end, now);
    if (to <= from) return { uptime: null, maintenance: false };
    const window = { start: from, end: to };
    const downtime = measure(clip(down, window)) - measure(intersect(clip(down, window), clip(excused, window)));
    return { uptime: 1 - downtime / (to - from), maintenance: false };
  });
}

function outagesOf(incidents: readonly { start: Instant; end: Instant | null }[], day: DaySpan, now: Instant): OutageView[] {
  const spans = merge(incidents.map((i) => ({ start: i.start, end: i.end ?? Infinity })));
  // An outage reaching past now is still going: it has no end yet.
  return clip(spans, day)
    .filter((s) => s.start < now)
    .map((s) => ({ start: s.start, end: s.end > now ? null : s.end }));
}

/** Sorted, disjoint spans covering the same time; empty spans dropped. */
export function merge(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function clip(spans: readonly Span[], window: Span): Span[] {
  return spans.flatMap((s) => {
    const start = Math.max(s.start, window.start);
    const end = Math.min(s.end, window.end);
    return end > start ? [{ start, end }] : [];
  });
}

/** Overlap of two sorted disjoint lists. */
function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Span;
    const y = b[j] as Span;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

function measure(spans: readonly Span[]): number {
  return spans.reduce((total, s) => total + (s.end - s.start), 0);
}
