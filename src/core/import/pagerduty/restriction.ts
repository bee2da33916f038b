import type { Restriction, RestrictionWindow, Weekday } from '../../schedule/types.js';
import type { PdRestriction } from './types.js';

const DAY_MIN = 24 * 60;
const WEEK_MIN = 7 * DAY_MIN;
const ALL_DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

const hhmm = (minuteOfDay: number) => `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;

/** Minutes after midnight of 'HH:MM:SS' (or 'HH:MM'), or null if it is not a whole minute. */
function minuteOfDay(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  if (!m || (m[3] !== undefined && m[3] !== '00')) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** A window of `length` minutes from `start` minutes into the week (Monday 00:00 = 0). */
function weekWindow(start: number, length: number): RestrictionWindow {
  const end = (start + length) % WEEK_MIN;
  return {
    startDay: (Math.floor(start / DAY_MIN) + 1) as Weekday,
    startTime: hhmm(start % DAY_MIN),
    endDay: (Math.floor(end / DAY_MIN) + 1) as Weekday,
    endTime: hhmm(end % DAY_MIN),
  };
}

/**
 * PagerDuty's restrictions (each a start and a duration, daily or weekly, in the schedule's
 * zone; the layer is on call during any of them) as one Vigil restriction. Daily ones alone
 * become a daily restriction; with a weekly one, every restriction becomes weekly windows.
 * A restriction as long as its period means always.
 */
export function restrictionOf(restrictions: PdRestriction[]): { restriction: Restriction } | { unmappable: string } {
  if (restrictions.length === 0) return { restriction: { kind: 'always' } };
  const spans: { weekly: boolean; start: number; length: number }[] = [];
  for (const r of restrictions) {
    const start = minuteOfDay(r.start_time_of_day);
    if (start === null || !Number.isInteger(r.duration_seconds) || r.duration_seconds % 60 !== 0) {
      return { unmappable: `a restriction starts or lasts a fraction of a minute (${r.start_time_of_day} for ${r.duration_seconds} seconds), and Vigil restrictions are in whole minutes` };
    }
    const length = r.duration_seconds / 60;
    const weekly = r.type === 'weekly_restriction';
    if (weekly && !(Number.isInteger(r.start_day_of_week) && (r.start_day_of_week as number) >= 1 && (r.start_day_of_week as number) <= 7)) {
      return { unmappable: `a weekly restriction has no ISO weekday (start_day_of_week ${String(r.start_day_of_week)})` };
    }
    if (length <= 0) continue;
    if (length >= (weekly ? WEEK_MIN : DAY_MIN)) return { restriction: { kind: 'always' } };
    spans.push({ weekly, start: weekly ? ((r.start_day_of_week as number) - 1) * DAY_MIN + start : start, length });
  }
  if (spans.length === 0) return { unmappable: 'every restriction lasts zero seconds: the layer is never on call' };
  if (spans.every((s) => !s.weekly)) {
    return { restriction: { kind: 'daily', windows: spans.map((s) => ({ days: [...ALL_DAYS], startTime: hhmm(s.start), endTime: hhmm((s.start + s.length) % DAY_MIN) })) } };
  }
  const windows = spans.flatMap((s) => (s.weekly ? [weekWindow(s.start, s.length)] : ALL_DAYS.map((d) => weekWindow((d - 1) * DAY_MIN + s.start, s.length))));
  return { restriction: { kind: 'custom', windows } };
}
