import { timelineRows } from './timeline.js';
import type { Instant, Range, Schedule } from './types.js';

/** The parts of [from, to) where nobody is primary. */
export function coverageGaps(schedule: Schedule, from: Instant, to: Instant): Range[] {
  return timelineRows(schedule, from, to)
    .final.filter((s) => s.primary === null)
    .map(({ start, end }) => ({ start, end }));
}
