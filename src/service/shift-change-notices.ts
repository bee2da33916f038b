import type { Kysely } from 'kysely';
import { historyTimelineRows, type ScheduleHistory } from '../core/schedule/history.js';
import { shiftChanges, type ShiftChange } from '../core/schedule/shift-changes.js';
import type { Instant, PrimarySegment } from '../core/schedule/types.js';
import { noticeSpan } from '../core/time/notice-time.js';
import { DAY } from '../core/time/units.js';
import { newId } from '../store/ids.js';
import { loadSchedule } from '../store/schedules.js';
import type { DB } from '../store/schema.js';
import { queueNotices, type PersonalNotice } from './personal-notices.js';
import { transact } from '../store/transact.js';

/** How far ahead people are told about changes to their shifts. */
export const SHIFT_CHANGE_WINDOW = 28 * DAY;

/** Each schedule's final row over [now, now + 28 days), by schedule id. */
export type FinalRows = Map<string, PrimarySegment[]>;

export function finalRowsOfHistory(history: ScheduleHistory, now: Instant): PrimarySegment[] {
  return historyTimelineRows(history, now, now + SHIFT_CHANGE_WINDOW).final;
}

/** The final rows of these schedules as `db` (a transaction, to see its own writes) has them now. */
export async function finalRowsOf(db: Kysely<DB>, scheduleIds: readonly string[], now: Instant): Promise<FinalRows> {
  const rows: FinalRows = new Map();
  for (const id of new Set(scheduleIds)) {
    const stored = await loadSchedule(db, id, { from: now, to: now + SHIFT_CHANGE_WINDOW });
    const { row, layers, structures, overrides, fixedShifts, timeOff } = stored;
    rows.set(id, finalRowsOfHistory({ timeZone: row.time_zone, layers, structures, overrides, fixedShifts, timeOff }, now));
  }
  return rows;
}

/**
 * Tells each person whose shifts in the next 28 days differ between `before` and `after`
 * what changed, in one message for the whole change (whatever number of schedules it
 * touched), in their own time zone. The person who made the change (`actorId`) is not
 * told: they just did it. Returns how many messages were queued.
 */
export async function queueShiftChangeNotices(
  db: Kysely<DB>,
  scheduleIds: readonly string[],
  before: FinalRows,
  after: FinalRows,
  now: Instant,
  notToTell: string | null | readonly string[],
): Promise<number> {
  const skip = new Set(notToTell === null ? [] : typeof notToTell === 'string' ? [notToTell] : notToTell);
  const actorId = typeof notToTell === 'string' || notToTell === null ? notToTell : (notToTell[0] ?? null);
  const perPerson = new Map<string, { scheduleId: string; changes: ShiftChange[] }[]>();
  for (const id of new Set(scheduleIds)) {
    for (const [userId, changes] of shiftChanges(before.get(id) ?? [], after.get(id) ?? [], now, now + SHIFT_CHANGE_WINDOW)) {
      if (skip.has(userId)) continue;
      perPerson.set(userId, [...(perPerson.get(userId) ?? []), { scheduleId: id, changes }]);
    }
  }
  if (perPerson.size === 0) return 0;
  const [users, schedules, actor] = await Promise.all([
    db.selectFrom('users').select(['id', 'time_zone']).where('id', 'in', [...perPerson.keys()]).execute(),
    db.selectFrom('schedules').select(['id', 'name']).where('id', 'in', [...new Set(scheduleIds)]).execute(),
    actorId === null ? undefined : db.selectFrom('users').select('name').where('id', '=', actorId).executeTakeFirst(),
  ]);
  const zoneOf = new Map(users.map((u) => [u.id, u.time_zone]));
  const nameOf = new Map(schedules.map((s) => [s.id, s.name]));
  const changeId = newId();
  const notices: PersonalNotice[] = [];
  for (const [userId, bySchedule] of perPerson) {
    const zone = zoneOf.get(userId);
    if (zone === undefined) continue;
    const names = bySchedule.map((b) => nameOf.get(b.scheduleId) ?? 'a schedule');
    const lines = bySchedule.flatMap((b, i) => [`${names[i]}:`, ...b.changes.map((c) => `- ${describe(c, zone)}`)]);
    const by = actor ? `${actor.name} changed` : 'A change to';
    notices.push({
      userId,
      key: `shift-change:${changeId}:${userId}`,
      subject: `Your on-call shifts changed: ${names.join(', ')}`,
      text: `${by} ${names.join(', ')} moves your on-call in the next 28 days:\n${lines.join('\n')}`,
    });
  }
  return queueNotices(db, notices, now);
}

function describe(c: ShiftChange, zone: string): string {
  if (c.before && c.after) return `moved: ${noticeSpan(c.before, zone)} is now ${noticeSpan(c.after, zone)}`;
  if (c.after) return `new shift: ${noticeSpan(c.after, zone)}`;
  return `no longer on call: ${noticeSpan(c.before as { start: number; end: number }, zone)}`;
}

/** Before a schedule is deleted: everyone with shifts in it in the next 28 days hears that they are gone. */
export async function tellShiftsGone(db: Kysely<DB>, scheduleId: string, now: Instant, actorId: string): Promise<number> {
  return queueShiftChangeNotices(db, [scheduleId], await finalRowsOf(db, [scheduleId], now), new Map(), now, actorId);
}

/**
 * Runs `change` in one transaction with the rows of `scheduleIds` read before and after
 * it, and queues the notices in that same transaction: an edit that fails tells nobody.
 */
export async function withShiftChangeNotices<T>(
  db: Kysely<DB>,
  scheduleIds: readonly string[],
  now: Instant,
  notToTell: string | null | readonly string[],
  change: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  const run = async (trx: Kysely<DB>) => {
    const before = await finalRowsOf(trx, scheduleIds, now);
    const result = await change(trx);
    await queueShiftChangeNotices(trx, scheduleIds, before, await finalRowsOf(trx, scheduleIds, now), now, notToTell);
    return result;
  };
  return transact(db, run);
}
