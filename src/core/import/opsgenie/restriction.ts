import type { Restriction, Weekday } from '../../schedule/types.js';
import type { OgDay, OgRestriction, OgTimeRestriction } from './types.js';

const ALL_DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const DAYS: Record<OgDay, Weekday> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

/** 'HH:mm' of an Opsgenie hour (0–24, 24 being the next midnight) and minute, or null. */
function timeOf(hour: number, minute: number): string | null {
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 0 || hour > 24 || minute < 0 || minute > 59 || (hour === 24 && minute !== 0)) return null;
  return `${String(hour % 24).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * Opsgenie's time restriction (in the schedule's zone; the rotation is on call only inside
 * it) as a Vigil restriction. `time-of-day` is the same hours every day, an end before the
 * start running past midnight; `weekday-and-time-of-day` is a list of weekly spans from a
 * day and time to a day and time, which may wrap the end of the week. Vigil reads both the
 * same way, so they map one to one.
 */
export function restrictionOf(restriction: OgTimeRestriction | undefined | null): { restriction: Restriction } | { unmappable: string } {
  if (!restriction) return { restriction: { kind: 'always' } };
  if (restriction.type === 'time-of-day') {
    const r = restriction.restriction;
    const start = r && timeOf(r.startHour, r.startMin);
    const end = r && timeOf(r.endHour, r.endMin);
    if (!start || !end) return { unmappable: `its time-of-day restriction has no valid hours (${JSON.stringify(r ?? null)})` };
    if (start === end) return { unmappable: `its time-of-day restriction starts and ends at ${start}, and Opsgenie's documentation does not say whether that is the whole day or none of it` };
    return { restriction: { kind: 'daily', windows: [{ days: [...ALL_DAYS], startTime: start, endTime: end }] } };
  }
  if (restriction.type === 'weekday-and-time-of-day') {
    const list = restriction.restrictions ?? [];
    if (list.length === 0) return { unmappable: 'its weekday-and-time-of-day restriction lists no days' };
    const windows = [];
    for (const r of list) {
      const window = weeklyWindow(r);
      if (typeof window === 'string') return { unmappable: window };
      windows.push(window);
    }
    return { restriction: { kind: 'custom', windows } };
  }
  return { unmappable: `its time restriction has type "${String((restriction as { type: unknown }).type)}"` };
}

function weeklyWindow(r: OgRestriction) {
  const startDay = r.startDay ? DAYS[r.startDay] : undefined;
  const endDay = r.endDay ? DAYS[r.endDay] : undefined;
  const startTime = timeOf(r.startHour, r.startMin);
  const endTime = timeOf(r.endHour, r.endMin);
  if (startDay === undefined || endDay === undefined || !startTime || !endTime) return `a weekday restriction is not a valid day and time (${JSON.stringify(r)})`;
  // 24:00 is the next day's midnight.
  const next = (day: Weekday, hour: number) => (hour === 24 ? (((day % 7) + 1) as Weekday) : day);
  const start = next(startDay, r.startHour);
  const end = next(endDay, r.endHour);
  if (start === end && startTime === endTime) return `a weekday restriction starts and ends at ${r.startDay} ${startTime}, and Opsgenie's documentation does not say whether that is the whole week or none of it`;
  return { startDay: start, startTime, endDay: end, endTime };
}
