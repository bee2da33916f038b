import { zone } from '../time/zone.js';
import { startOfWeek } from '../time/wall-clock.js';
import { WEEK } from '../time/units.js';

export interface Span {
  start: number;
  end: number;
}

/**
 * The calendar weeks (Monday 00:00 to Monday 00:00 on the wall clock of `timeZone`, ISO
 * weeks) that [from, to) touches, clipped to it: consecutive, non-empty, and together
 * exactly the period. A week holding a DST change is 167 or 169 hours long; a Monday
 * midnight skipped by DST starts at the first instant after the gap.
 */
export function weeksOf(from: number, to: number, timeZone: string): Span[] {
  const rules = zone(timeZone);
  const weeks: Span[] = [];
  let wall = startOfWeek(rules.toWall(from));
  let start = from;
  while (start < to) {
    wall += WEEK;
    const end = Math.min(to, rules.fromWall(wall, 'start'));
    if (end > start) weeks.push({ start, end });
    start = Math.max(start, end);
  }
  return weeks;
}

/** Index of the span holding `at` among consecutive spans, or -1 outside them all. */
export function spanIndexOf(spans: readonly Span[], at: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid] as Span;
    if (at < span.start) high = mid - 1;
    else if (at >= span.end) low = mid + 1;
    else return mid;
  }
  return -1;
}
