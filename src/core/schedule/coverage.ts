import { timelineRows } from './timeline.js';
import type { Instant, PrimarySegment, Range, Schedule } from './types.js';

/** The parts of [from, to) where nobody is primary. */
export function coverageGaps(schedule: Schedule, from: Instant, to: Instant): Range[] {
  return gapsOf(timelineRows(schedule, from, to).final);
}

/**
 * The ranges of a final row with no primary. Neighbouring segments that differ only in
 * their shadows are one gap: a shadow alone does not staff the rota.
 */
export function gapsOf(final: PrimarySegment[]): Range[] {
  const gaps: Range[] = [];
  for (const { start, end, primary } of final) {
    if (primary) continue;
    const last = gaps[gaps.length - 1];
    if (last && last.end === start) last.end = end;
    else gaps.push({ start, end });
  }
  return gaps;
}
