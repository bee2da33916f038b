import { zone } from '../time/zone.js';
import { addSpan, inHours, type HourSplit } from './hours-report.js';
import type { Instant, Range } from './types.js';

/**
 * One person's on-call hours in [from, to) from their shifts on any number of schedules,
 * split on the wall clock of `timeZone` like the hours report. Each instant counts once:
 * being primary on two schedules at the same time is still one hour on call.
 */
export function personHours(shifts: Range[], from: Instant, to: Instant, timeZone: string): HourSplit {
  const clipped = shifts
    .map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to) }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const split: HourSplit = { total: 0, businessHours: 0, nights: 0, weekends: 0, holidays: 0 };
  const rules = zone(timeZone);
  let covered = from;
  for (const s of clipped) {
    const start = Math.max(s.start, covered);
    if (start < s.end) addSpan(split, start, s.end, rules);
    covered = Math.max(covered, s.end);
  }
  return inHours(split);
}
