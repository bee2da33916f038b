import { dateTimeFormat, sameYear } from './withYear';

const dayOf = (ms: number, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(ms);
const timeOf = (ms: number, zone: string) => new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

/**
 * "Wed, Mar 4, 09:00", with the year when it is not the current one ("Mon, Jan 4, 2027,
 * 09:00"): a shift is planned around the weekday, and one in January read in December
 * must not look like last January.
 */
export function formatShiftTime(iso: string, zone: string, now: string): string {
  const at = Date.parse(iso);
  return dateTimeFormat(zone, !sameYear(at, Date.parse(now), zone), true).format(at);
}

/** A shift's span; the end's date is left out when it falls on the start's local day. */
export function formatShiftSpan(start: string, end: string, zone: string, now: string): string {
  const sameDay = dayOf(Date.parse(start), zone) === dayOf(Date.parse(end), zone);
  return `${formatShiftTime(start, zone, now)} – ${sameDay ? timeOf(Date.parse(end), zone) : formatShiftTime(end, zone, now)}`;
}

/** "24 h", "3 d 12 h": how long a shift lasts, at a glance. */
export function formatDuration(start: string, end: string): string {
  const hours = Math.round((Date.parse(end) - Date.parse(start)) / 3_600_000);
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
