import { DAY, HOUR } from '../time/units.js';
import { isoWeekday } from '../time/wall-clock.js';
import { zone } from '../time/zone.js';
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
    // Between transitions the offset is fixed, so wall-clock boundaries are linear.
    for (let t = segment.start; t < segment.end; ) {
      const offset = rules.offsetAt(t);
      const pieceEnd = Math.min(segment.end, rules.nextTransition(t, segment.end - t));
      for (let wall = t + offset; wall < pieceEnd + offset; ) {
        const { bucket, until } = bucketAt(wall);
        const end = Math.min(until, pieceEnd + offset);
        row[bucket] += end - wall;
        row.total += end - wall;
        wall = end;
      }
      t = pieceEnd;
    }
  }
  return [...totals.values()]
    .map((r) => ({ userId: r.userId, total: r.total / HOUR, businessHours: r.businessHours / HOUR, nights: r.nights / HOUR, weekends: r.weekends / HOUR }))
    .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

function bucketAt(wall: number): { bucket: Bucket; until: number } {
  const midnight = Math.floor(wall / DAY) * DAY;
  const sinceMidnight = wall - midnight;
  if (isoWeekday(wall) >= 6) return { bucket: 'weekends', until: midnight + DAY };
  if (sinceMidnight < OPEN) return { bucket: 'nights', until: midnight + OPEN };
  if (sinceMidnight < CLOSE) return { bucket: 'businessHours', until: midnight + CLOSE };
  return { bucket: 'nights', until: midnight + DAY };
}
