import type { DailyWindow, Restriction, Rotation, Weekday } from '../../schedule/types.js';
import type { MappedLayer } from '../setup.js';
import type { GoDay, GoShift } from './types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const UNITS = { hourly: ['hours', HOUR], daily: ['days', DAY], weekly: ['weeks', WEEK] } as const;
/** iCal day codes as ISO weekdays (Monday = 1). */
export const ISO_DAY: Record<GoDay, Weekday> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };

const mod = (a: number, b: number) => ((a % b) + b) % b;
/** A local date-time 'YYYY-MM-DDTHH:mm[:ss]' as milliseconds on a zone-less clock. */
const wallOf = (local: string) => Date.parse(`${local.slice(0, 16)}:00Z`);
const hhmm = (wall: number) => new Date(wall).toISOString().slice(11, 16);
const isoDay = (wall: number) => (mod(new Date(wall).getUTCDay() - 1, 7) + 1) as Weekday;

/**
 * A rolling_users shift (or a recurrent_event, one group of its users) as one Vigil layer.
 * Grafana OnCall repeats the shift from `start` every `interval` × `frequency` on the local
 * clock of its zone (an iCal recurrence), each event lasting `duration`, and hands each event
 * to the next group of `rolling_users`, beginning with `start_rotation_from_user_index`. So:
 * a custom rotation anchored at `start` whose members are the groups from that index on, and
 * a restriction that is the events' window when they are shorter than the turn (with
 * `by_day`, weekly: those days, the turn changing hands each week). Several users in a group
 * are on call together in Grafana OnCall; a Vigil layer has one on call, so a group keeps its
 * first user (reported). What has no such layer is returned as `unmappable`.
 */
export function layerOf(shift: GoShift, scheduleZone: string): { layer: MappedLayer; notes: string[] } | { unmappable: string } {
  const notes: string[] = [];
  const groups = shift.type === 'rolling_users' ? (shift.rolling_users ?? []) : shift.type === 'recurrent_event' ? [shift.users ?? []] : null;
  if (groups === null) return { unmappable: `a ${shift.type} shift is not imported` };
  const frequency = shift.frequency ?? '';
  if (!(frequency in UNITS)) return { unmappable: `it repeats ${frequency || 'never'}, which Vigil rotations do not count` };
  if (shift.by_month?.length || shift.by_monthday?.length) return { unmappable: 'it repeats on chosen months or days of the month, which Vigil restrictions do not have' };
  const [unit, unitMs] = UNITS[frequency as keyof typeof UNITS];
  const every = Math.max(1, shift.interval ?? 1);
  const turn = every * unitMs;
  const duration = shift.duration * 1000;
  const start = wallOf(shift.start);
  if (Number.isNaN(start) || !(duration > 0)) return { unmappable: `its start "${shift.start}" or duration ${shift.duration} is not usable` };
  const filled = groups.filter((g) => g.length > 0);
  if (filled.length < groups.length) notes.push('a group of users with nobody in it is left out of the rotation');
  if (filled.some((g) => g.length > 1)) notes.push('a group of several users is on call together in Grafana OnCall; a Vigil layer has one on call, so the group keeps its first user');
  const from = filled.length === 0 ? 0 : mod(shift.start_rotation_from_user_index ?? 0, filled.length);
  const members = filled.map((_, j) => (filled[mod(from + j, filled.length)] as string[])[0] as string);

  let restriction: Restriction;
  const days = shift.by_day ?? [];
  if (days.length > 0) {
    if (frequency !== 'weekly' || every !== 1) return { unmappable: `by_day with ${every === 1 ? '' : `every ${every} `}${frequency} repeats changes hands per event, which Vigil restrictions on a rotation do not count` };
    if (duration >= DAY) return { unmappable: 'its events on chosen days last a day or longer, which a daily window cannot say' };
    const weekStart = ISO_DAY[shift.week_start ?? 'SU'];
    const first = [...days].map((d) => ISO_DAY[d]).sort((a, b) => mod(a - weekStart, 7) - mod(b - weekStart, 7))[0];
    if (first !== isoDay(start)) notes.push("Grafana OnCall hands over at the start of its week (week_start), Vigil at the shift's start, which is not the first of its days: they differ between the two");
    const window: DailyWindow = { days: [...new Set(days.map((d) => ISO_DAY[d]))].sort(), startTime: hhmm(start), endTime: hhmm(start + duration) };
    restriction = { kind: 'daily', windows: [window] };
  } else if (duration >= turn) {
    if (duration > turn) notes.push('its events last longer than a turn, so two overlap in Grafana OnCall; in Vigil the next turn takes over');
    restriction = { kind: 'always' };
  } else if (frequency === 'daily' && every === 1) {
    restriction = { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: hhmm(start), endTime: hhmm(start + duration) }] };
  } else if (frequency === 'weekly' && every === 1) {
    restriction = { kind: 'custom', windows: [{ startDay: isoDay(start), startTime: hhmm(start), endDay: isoDay(start + duration), endTime: hhmm(start + duration) }] };
  } else {
    return { unmappable: `its events are shorter than its turn of ${every} ${unit}, which a weekly Vigil restriction cannot follow` };
  }
  const rotation: Rotation = { kind: 'custom', every, unit, anchor: shift.start.slice(0, 16) };
  return { layer: { name: shift.name.slice(0, 100) || shift.id, timeZone: shift.time_zone ?? scheduleZone, rotation, restriction, members }, notes };
}
