import { DAY } from '../time/units.js';
import { historyTimelineRows, type ScheduleHistory } from './history.js';
import type { Instant } from './types.js';

/** How far ahead "who is next" looks; a handoff further away than a quarter is not news. */
export const NEXT_HORIZON = 92 * DAY;

/** The next change of the paged person: `userId` null means nobody is paged from `start` (a gap). */
export interface NextPrimary {
  userId: string | null;
  start: Instant;
}

/**
 * The first instant after `at` (within `horizon`) at which a different person, or nobody,
 * becomes primary. A change of layer or source with the same person is not a change: the
 * same phone rings. Null when the paged person stays the same throughout the horizon.
 *
 * The timeline is read in windows that double from a day, so the common answer (the next
 * handoff, within days) costs a day or two of timeline, not the whole horizon.
 */
export function nextPrimary(history: ScheduleHistory, at: Instant, horizon = NEXT_HORIZON): NextPrimary | null {
  const end = at + horizon;
  // Before the schedule's first structure there is no timeline: nobody holds the pager.
  let holder: string | null = null;
  let first = true;
  for (let from = at, span = DAY; from < end; from += span, span *= 2) {
    for (const segment of historyTimelineRows(history, from, Math.min(end, from + span)).final) {
      const userId = segment.primary?.userId ?? null;
      if (first && segment.start === at) holder = userId;
      else if (userId !== holder) return { userId, start: segment.start };
      first = false;
    }
  }
  return null;
}
