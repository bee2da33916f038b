import { DAY, HOUR } from '../time/units.js';
import { isoWeekday } from '../time/wall-clock.js';
import { zone, type ZoneRules } from '../time/zone.js';
import { timelineRows } from './timeline.js';
import type { Instant, Schedule, UserHours } from './types.js';

/** On-call hours of one user, with those on public holidays counted apart. */
export interface CategoryHours extends UserHours {
  /** Any time of day on a holiday; these hours are in none of the other three. */
  holidays: number;
}

/** Local dates 'YYYY-MM-DD' that are public holidays in the report's zone. */
export type HolidayDates = ReadonlySet<string>;

const NO_HOLIDAYS: HolidayDates = new Set();

type Bucket = 'businessHours' | 'nights' | 'weekends' | 'holidays';

/** Business hours start and end, in ms after local midnight. */
const OPEN = 9 * HOUR;
const CLOSE = 17 * HOUR;

/**
 * Hours each user spent as primary in [from, to), split by the local wall clock of
 * `timeZone` (the schedule's by default): holidays (any time on one of `holidays`), then
 * weekends (Sat–Sun), business hours (Mon–Fri 09–17) and nights (the rest). Each instant
 * counts once, in one category, DST included.
 */
export function onCallHours(schedule: Schedule, from: Instant, to: Instant, timeZone = schedule.timeZone, holidays = NO_HOLIDAYS): CategoryHours[] {
  const rules = zone(timeZone);
  // Milliseconds are summed exactly and turned into hours once at the end.
  const totals = new Map<string, CategoryHours>();
  for (const segment of timelineRows(schedule, from, to).final) {
    if (!segment.primary) continue;
    const { userId } = segment.primary;
    let row = totals.get(userId);
    if (!row) {
      row = { userId, total: 0, businessHours: 0, nights: 0, weekends: 0, holidays: 0 };
      totals.set(userId, row);
    }
    addSpan(row, segment.start, segment.end, rules, holidays);
  }
  return [...totals.values()]
    .map((r) => ({ userId: r.userId, ...inHours(r) }))
    .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

/** Milliseconds (or hours) of each kind of hour, and all of them. */
export type HourSplit = Omit<CategoryHours, 'userId'>;

export function inHours(ms: HourSplit): HourSplit {
  return { total: ms.total / HOUR, businessHours: ms.businessHours / HOUR, nights: ms.nights / HOUR, weekends: ms.weekends / HOUR, holidays: ms.holidays / HOUR };
}

/**
 * Adds the milliseconds of [start, end) to `split`, each in its bucket by the wall clock
 * of `rules`: holidays, weekends, business hours (Mon–Fri 09–17), nights (the rest).
 */
export function addSpan(split: HourSplit, start: Instant, end: Instant, rules: ZoneRules, holidays = NO_HOLIDAYS): void {
  // Between transitions the offset is fixed, so wall-clock boundaries are linear.
  for (let t = start; t < end; ) {
    const offset = rules.offsetAt(t);
    const pieceEnd = Math.min(end, rules.nextTransition(t, end - t));
    for (let wall = t + offset; wall < pieceEnd + offset; ) {
      const { bucket, until } = bucketAt(wall, holidays);
      const stop = Math.min(until, pieceEnd + offset);
      split[bucket] += stop - wall;
      split.total += stop - wall;
      wall = stop;
    }
    t = pieceEnd;
  }
}

function bucketAt(wall: number, holidays: HolidayDates): { bucket: Bucket; until: number } {
  const midnight = Math.floor(wall / DAY) * DAY;
  const sinceMidnight = wall - midnight;
  // A wall time read as UTC gives the local date.
  if (holidays.size > 0 && holidays.has(new Date(midnight).toISOString().slice(0, 10))) return { bucket: 'holidays', until: midnight + DAY };
  if (isoWeekday(wall) >= 6) return { bucket: 'weekends', until: midnight + DAY };
  if (sinceMidnight < OPEN) return { bucket: 'nights', until: midnight + OPEN };
  if (sinceMidnight < CLOSE) return { bucket: 'businessHours', until: midnight + CLOSE };
  return { bucket: 'nights', until: midnight + DAY };
}
