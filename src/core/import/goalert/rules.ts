import type { Restriction, RestrictionWindow, Weekday } from '../../schedule/types.js';
import type { GaScheduleRule } from './types.js';

/** GoAlert's weekday flags start with Sunday; ISO weekdays with Monday = 1. */
const isoDay = (i: number) => (i === 0 ? 7 : i) as Weekday;
const nextDay = (d: Weekday) => ((d % 7) + 1) as Weekday;
const hhmm = (clock: string) => clock.slice(0, 5);

/**
 * The rules of one schedule target (GoAlert: the target is on call while any of its rules
 * is active) as one Vigil restriction in the schedule's zone. A rule is a window from
 * `start` to `end` on each day its weekday filter flags, past midnight when the end comes
 * first; an end equal to the start is a whole 24 hours from the start (every day of the
 * week: always). Rules with no day flagged are never active and are dropped; none left:
 * null, the target is never on call.
 */
export function restrictionOf(rules: GaScheduleRule[]): Restriction | null {
  const active = rules.filter((r) => r.weekdayFilter.some(Boolean));
  if (active.length === 0) return null;
  const whole = (r: GaScheduleRule) => hhmm(r.start) === hhmm(r.end);
  if (active.some((r) => whole(r) && r.weekdayFilter.every(Boolean))) return { kind: 'always' };
  const days = (r: GaScheduleRule) => r.weekdayFilter.flatMap((on, i) => (on ? [isoDay(i)] : [])).sort((a, b) => a - b);
  if (!active.some(whole)) {
    return { kind: 'daily', windows: active.map((r) => ({ days: days(r), startTime: hhmm(r.start), endTime: hhmm(r.end) })) };
  }
  // Vigil's daily windows cannot start and end at the same time: 24-hour ones become weekly windows.
  const windows: RestrictionWindow[] = active.flatMap((r) =>
    days(r).map((d) => ({ startDay: d, startTime: hhmm(r.start), endDay: hhmm(r.end) > hhmm(r.start) ? d : nextDay(d), endTime: hhmm(r.end) })),
  );
  return { kind: 'custom', windows };
}
