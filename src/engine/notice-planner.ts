import type { Kysely } from 'kysely';
import { historyTimelineRows, type ScheduleHistory } from '../core/schedule/history.js';
import { noticeTime } from '../core/time/notice-time.js';
import type { PrimarySegment } from '../core/schedule/types.js';
import { scheduleCache } from '../service/schedule-cache.js';
import { rulesOf, type RuleWithMethod } from '../store/contacts.js';
import { enqueue, type OutboxEntry } from '../store/notifications.js';
import type { DB, UserRow } from '../store/schema.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Handoff notices are queued this far ahead, due when the shift starts. */
const LOOKAHEAD = 10 * MINUTE;
/** A daily summary goes out within this long after its time, or not that day. */
const SUMMARY_WINDOW = 60 * MINUTE;

interface Shift {
  scheduleId: string;
  scheduleName: string;
  start: number;
  end: number;
}

/** A lead time as the ahead-of-time notice says it: "24 h", "90 min". */
function leadText(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

function localClock(at: number, timeZone: string): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, minutes: Number(parts['hour']) * 60 + Number(parts['minute']) };
}

/** Consecutive segments with the same paged person are one shift, whatever layer held it. */
function shiftsOf(final: PrimarySegment[], userId: string, scheduleId: string, scheduleName: string): Shift[] {
  const shifts: Shift[] = [];
  for (const s of final) {
    if (s.primary?.userId !== userId) continue;
    const last = shifts[shifts.length - 1];
    if (last && last.end === s.start) last.end = s.end;
    else shifts.push({ scheduleId, scheduleName, start: s.start, end: s.end });
  }
  return shifts;
}

/** Final rows worked out for a pass, kept for the next ones while the schedule's history (a new object for each version) is the same. */
interface Rows {
  history: ScheduleHistory;
  from: number;
  to: number;
  final: PrimarySegment[];
}

/** Rows reach this much further than a pass needs, so the passes of the next hour reuse them instead of working out every schedule each minute. */
const REUSE = 60 * MINUTE;
const kept = new Map<string, Rows>();

/** Every schedule's final row over at least [from, to), from the node's compiled schedules. */
async function finalRows(db: Kysely<DB>, from: number, to: number, now: number): Promise<{ id: string; name: string; final: PrimarySegment[] }[]> {
  const schedules = await db.selectFrom('schedules').select(['id', 'name']).orderBy('name').execute();
  const histories = await scheduleCache.histories(db, schedules.map((s) => s.id), now);
  const finals: { id: string; name: string; final: PrimarySegment[] }[] = [];
  for (const { id, name } of schedules) {
    const history = histories.get(id);
    if (!history) continue;
    let rows = kept.get(id);
    if (!rows || rows.history !== history || rows.from > from || rows.to < to) {
      rows = { history, from, to: to + REUSE, final: historyTimelineRows(history, from, to + REUSE).final };
      kept.set(id, rows);
    }
    finals.push({ id, name, final: rows.final });
  }
  for (const id of kept.keys()) if (!histories.has(id)) kept.delete(id);
  return finals;
}

/**
 * Queues opt-in notices: "you are on call for X from … to …" when a shift starts, the
 * same a chosen lead time before it (a shift that starts sooner than that after it came
 * to be gets only the first), and a daily summary at the user's chosen local time.
 * Idempotency keys make it safe to run on every node and every minute; it is sent to the
 * first non-voice method of the user's rules.
 */
export async function planNotices(db: Kysely<DB>, now: number): Promise<void> {
  const users = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb('notify_handoffs', '=', 1), eb('daily_summary_time', 'is not', null), eb('handoff_lead_minutes', 'is not', null)]))
    .execute();
  if (users.length === 0) return;
  const methods = new Map<string, RuleWithMethod>();
  for (const rule of await rulesOf(db, users.map((u) => u.id))) {
    if (rule.kind !== 'voice' && !methods.has(rule.userId)) methods.set(rule.userId, rule);
  }
  // Far enough that a shift a lead time ahead is seen whole (to its real end), as a week's turn is.
  const horizon = now + Math.max(0, ...users.map((u) => u.handoff_lead_minutes ?? 0)) * MINUTE + 8 * DAY;
  const finals = await finalRows(db, now - DAY, horizon, now);
  const entries: OutboxEntry[] = [];
  const notice = (user: UserRow, key: string, dueAt: number, subject: string, text: string) => {
    const method = methods.get(user.id);
    if (!method) return;
    entries.push({ idempotencyKey: key, incidentId: null, userId: user.id, contactMethodId: method.contactMethodId, channel: method.kind, address: method.address, dueAt, notice: { subject, text } });
  };
  for (const user of users) {
    const shifts = finals.flatMap((f) => shiftsOf(f.final, user.id, f.id, f.name));
    if (user.notify_handoffs === 1) {
      for (const shift of shifts) {
        if (shift.start < now - MINUTE || shift.start > now + LOOKAHEAD) continue;
        const text = `You are on call for ${shift.scheduleName} from ${noticeTime(shift.start, user.time_zone)} to ${noticeTime(shift.end, user.time_zone)}.`;
        notice(user, `handoff:${user.id}:${shift.scheduleId}:${shift.start}`, shift.start, `On call: ${shift.scheduleName}`, text);
      }
    }
    const lead = user.handoff_lead_minutes;
    if (lead !== null) {
      for (const shift of shifts) {
        const dueAt = shift.start - lead * MINUTE;
        if (dueAt < now - MINUTE || dueAt > now + LOOKAHEAD) continue;
        const text = `You are on call for ${shift.scheduleName} from ${noticeTime(shift.start, user.time_zone)} (in ${leadText(lead)}) to ${noticeTime(shift.end, user.time_zone)}.`;
        notice(user, `handoff-ahead:${user.id}:${shift.scheduleId}:${shift.start}:${lead}`, dueAt, `On call in ${leadText(lead)}: ${shift.scheduleName}`, text);
      }
    }
    if (user.daily_summary_time) {
      const [h, m] = user.daily_summary_time.split(':').map(Number) as [number, number];
      const clock = localClock(now, user.time_zone);
      const since = clock.minutes - (h * 60 + m);
      if (since >= 0 && since * MINUTE < SUMMARY_WINDOW) {
        const next = shifts.filter((s) => s.end > now && s.start < now + DAY);
        const lines = next.map((s) => `${s.scheduleName}: ${noticeTime(Math.max(s.start, now), user.time_zone)} to ${noticeTime(s.end, user.time_zone)}`);
        const text = lines.length > 0 ? `Your on-call in the next 24 hours:\n${lines.join('\n')}` : 'You are not on call in the next 24 hours.';
        notice(user, `summary:${user.id}:${clock.date}`, now, 'Your on-call today', text);
      }
    }
  }
  await enqueue(db, entries, now);
}
