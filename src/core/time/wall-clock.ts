import { DAY, MINUTE, floorDiv, mod } from './units.js';

/**
 * A "wall" time is a local date-time encoded as the epoch milliseconds it would have
 * in UTC. It lets calendar arithmetic (days, weekdays, minutes of day) be plain integer
 * math; the zone module converts between wall times and real instants.
 */
export type WallTime = number;

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(wall: WallTime): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return mod(floorDiv(wall, DAY) + 3, 7) + 1;
}

/** Milliseconds since the local Monday 00:00 that starts the week containing `wall`. */
export function msOfWeek(wall: WallTime): number {
  return mod(wall + 3 * DAY, 7 * DAY);
}

/** Wall time of the Monday 00:00 that starts the week containing `wall`. */
export function startOfWeek(wall: WallTime): WallTime {
  return wall - msOfWeek(wall);
}

/** Offset inside a week of a weekday (1..7) and minute of day. */
export function weekOffset(weekday: number, minuteOfDay: number): number {
  return (weekday - 1) * DAY + minuteOfDay * MINUTE;
}

export function wallFromParts(year: number, month: number, day: number, hour = 0, minute = 0): WallTime {
  return Date.UTC(year, month - 1, day, hour, minute);
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

// Schedules repeat a handful of distinct times; parsing is memoised because it sits on
// the paging hot path (every evaluation compiles the layers it reads).
const timesOfDay = new Map<string, number>();

/** Parses a local time of day 'HH:MM' into minutes after midnight. */
export function parseTimeOfDay(text: string): number {
  let minutes = timesOfDay.get(text);
  if (minutes === undefined) {
    const m = TIME.exec(text);
    if (!m) throw new RangeError(`invalid local time "${text}", expected HH:MM`);
    minutes = Number(m[1]) * 60 + Number(m[2]);
    timesOfDay.set(text, minutes);
  }
  return minutes;
}

const dateTimes = new Map<string, WallTime>();

/** Parses a local date-time 'YYYY-MM-DDTHH:MM' into a wall time. */
export function parseWallDateTime(text: string): WallTime {
  let wall = dateTimes.get(text);
  if (wall === undefined) {
    wall = parseDateTime(text);
    // Anchors are free-form, so keep the memo from growing without bound.
    if (dateTimes.size >= 10_000) dateTimes.clear();
    dateTimes.set(text, wall);
  }
  return wall;
}

function parseDateTime(text: string): WallTime {
  const m = DATE_TIME.exec(text);
  if (!m) throw new RangeError(`invalid local date-time "${text}", expected YYYY-MM-DDTHH:MM`);
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = wallFromParts(year, month, day, hour, minute);
  // Date.UTC silently rolls 2024-02-30 over to March; refuse it instead.
  if (new Date(wall).getUTCDate() !== day || new Date(wall).getUTCMonth() !== month - 1) {
    throw new RangeError(`invalid local date-time "${text}"`);
  }
  return wall;
}

