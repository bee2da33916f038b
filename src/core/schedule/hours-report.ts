import { DAY, HOUR } from '../time/units.js';
import { isoWeekday } from '../time/wall-clock.js';
import { zone, type ZoneRules } from '../time/zone.js';
import { timelineRows } from './timeline.js';
import type { Instant, Schedule, UserHours } from './types.js';

type Bucket = 'businessHours' | 'nights' | 'weekends';

/** Business hours start and end, in ms after local midnight. */
const OPEN = 9 * HOUR;
const CLOSE = 17 * HOUR;

/**
 * Hours each user spent as primary in [from, to), split by the local wall clock of
 * `timeZone` (the schedule's by default): business hours (Mon–Fri 09–17), nights (the
 * rest of Mon–Fri) and weekends (Sat–Sun). Each instant counts once, DST included.
 */
export function onCallHours(schedule: Schedule, from: Instant, to: Instant, timeZone = schedule.timeZone): UserHours[] {
  const rules = zone(timeZone);
  // Milliseconds are summed exactly and turned into hours once at the end.
  const totals = new Map<string, UserHours>();
  for (const segment of timelineRows(schedule, from, to).final) {
    if (!segment.primary) continue;
    const { userId } = segment.primary;
    let row = totals.get(userId);
    if (!row) {
      row = { userId, total: 0, businessHours: 0, nights: 0, weekends: 0 };
      totals.set(userId, row);
    }
    addSpan(row, segment.start, segment.end, rules);
  }
  return [...totals.values()]
    .map((r) => ({ userId: r.userId, total: r.total / HOUR, businessHours: r.businessHours / HOUR, nights: r.nights / HOUR, weekends: r.weekends / HOUR }))
    .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

/** Milliseconds of each kind of hour, and all of them. */
export type HourSplit = Omit<UserHours, 'userId'>;

/**
 * Adds the milliseconds of [start, end) to `split`, each in its bucket by the wall clock
 * of `rules`: business hours (Mon–Fri 09–17), nights (the rest of Mon–Fri), weekends.
 */
export function addSpan(split: HourSplit, start: Instant, end: Instant, rules: ZoneRules): void {
  // Between transitions the offset is fixed, so wall-clock boundaries are linear.
  for (let t = start; t < end; ) {
    const offset = rules.offsetAt(t);
    const pieceEnd = Math.min(end, rules.nextTransition(t, end - t));
    for (let wall = t + offset; wall < pieceEnd + offset; ) {
      const { bucket, until } = bucketAt(wall);
      const stop = Math.min(until, pieceEnd + offset);
      split[bucket] += stop - wall;
      split.total += stop - wall;
      wall = stop;
    }
    t = pieceEnd;
  }
}

function bucketAt(wall: number): { bucket: Bucket; until: number } {
  const midnight = Math.floor(wall / DAY) * DAY;
  const sinceMidnight = wall - midnight;
  if (isoWeekday(wall) >= 6) return { bucket: 'weekends', until: midnight + DAY };
  if (sinceMidnight < OPEN) return { bucket: 'nights', until: midnight + OPEN };
  if (sinceMidnight < CLOSE) return { bucket: 'businessHours', until: midnight + CLOSE };
  return { bucket: 'nights', until: midnight + DAY };
}
