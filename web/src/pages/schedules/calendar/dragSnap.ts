import { addDays, toLocalInput } from '../../../time/zoned';
import type { CalendarView } from './calendarRange';
import { localInstant } from './calendarDates';

/**
 * What a drag on the lanes rounds to, in wall-clock minutes: half hours where a day fills the
 * width, hours in a week or two (an hour is a few pixels there), whole days in a month.
 */
export const snapMinutes: Record<CalendarView, number> = { day: 30, week: 60, twoWeeks: 60, month: 1440 };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The wall-clock step at or before ('floor') or at or after ('ceil') the instant. Rounded on
 * the local clock, not in UTC, so steps land on local hours and midnights in any offset.
 */
export function snapInstant(at: number, minutes: number, zone: string, direction: 'floor' | 'ceil'): number {
  const [date = '', time = '00:00'] = toLocalInput(at, zone).split('T');
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const round = direction === 'floor' ? Math.floor : Math.ceil;
  const step = round((hour * 60 + minute) / minutes) * minutes;
  const snapped = localInstant(`${addDays(date, Math.floor(step / 1440))}T${pad(Math.floor((step % 1440) / 60))}:${pad(step % 60)}`, zone);
  // Seconds past the minute are lost in the local clock: a ceiling must not fall before the instant.
  return direction === 'ceil' && snapped < at ? snapInstant(at + 60_000, minutes, zone, 'ceil') : snapped;
}

/** The steps a drag from `from` to `to` covers: where it starts rounded down, where it ends rounded up, at least one step. */
export function snapRange(from: number, to: number, minutes: number, zone: string): { start: number; end: number } {
  const start = snapInstant(Math.min(from, to), minutes, zone, 'floor');
  const end = snapInstant(Math.max(from, to), minutes, zone, 'ceil');
  return { start, end: end > start ? end : snapInstant(start + 60_000, minutes, zone, 'ceil') };
}
