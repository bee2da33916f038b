import { fromLocalInput, toLocalInput } from '../../../time/zoned';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Local dates are formatted as UTC midnights, so no zone can move them to another day. */
function format(date: string, options: Intl.DateTimeFormatOptions): string {
  const key = JSON.stringify(options);
  let result = formats.get(key);
  if (!result) {
    result = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
    formats.set(key, result);
  }
  return result.format(Date.parse(`${date}T00:00:00Z`));
}

/** "Tue, Dec 1", or "Tue, Dec 1, 2027". */
export function dayName(date: string, withYear: boolean): string {
  return format(date, { weekday: 'short', day: 'numeric', month: 'short', ...(withYear && { year: 'numeric' }) });
}

/** A day column's heading, as long as its width allows. */
export function columnName(date: string, width: number): string {
  if (width >= 90) return format(date, { weekday: 'short', day: 'numeric', month: 'short' });
  if (width >= 44) return format(date, { weekday: 'short', day: 'numeric' });
  return format(date, { day: 'numeric' });
}

/** What the toolbar says is on screen: "Tue, Dec 1 – Mon, Dec 7", "December", "January 2027"; the year only when it is not this one. */
export function rangeName(first: string, last: string, month: string | null, thisYear: string): string {
  const otherYear = (date: string) => date.slice(0, 4) !== thisYear;
  if (month !== null) return format(month, { month: 'long', ...(otherYear(month) && { year: 'numeric' }) });
  const withYear = otherYear(first) || otherYear(last);
  if (first === last) return dayName(first, withYear);
  return `${dayName(first, withYear)} – ${dayName(last, withYear)}`;
}

/** A shift's edge seen from one day of an agenda: "17:00" on that day, "Wed 17:00" on another. */
export function clockOn(iso: string, date: string, zone: string): string {
  const key = `clock ${zone}`;
  let clock = formats.get(key);
  if (!clock) {
    clock = new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(key, clock);
  }
  const time = clock.format(Date.parse(iso));
  const day = toLocalInput(iso, zone).slice(0, 10);
  return day === date ? time : `${format(day, { weekday: 'short' })} ${time}`;
}

const instants = new Map<string, number>();

/**
 * The instant (ms) of a local 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' in the zone, remembered: a
 * month draws six bands of day and hour edges, and each conversion formats parts twice.
 */
export function localInstant(local: string, zone: string): number {
  const key = `${zone} ${local}`;
  let at = instants.get(key);
  if (at === undefined) {
    at = Date.parse(fromLocalInput(local, zone));
    instants.set(key, at);
  }
  return at;
}
