import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../core/errors.js';
import type { Absence, Instant } from '../core/schedule/types.js';
import { audited } from './audit.js';
import { newId } from './ids.js';
import type { DB, TimeOffCalendarsTable } from './schema.js';
import { transact } from './transact.js';

type Db = Kysely<DB>;

export type TimeOffSource = 'manual' | 'calendar';

export interface TimeOffRow {
  id: string;
  userId: string;
  start: Instant;
  end: Instant;
  note: string;
  source: TimeOffSource;
  createdAt: Instant;
}

const columns = ['id', 'user_id', 'start_at', 'end_at', 'note', 'source', 'created_at'] as const;

function toRow(r: { id: string; user_id: string; start_at: number; end_at: number; note: string; source: TimeOffSource; created_at: number }): TimeOffRow {
  return { id: r.id, userId: r.user_id, start: r.start_at, end: r.end_at, note: r.note, source: r.source, createdAt: r.created_at };
}

/** A user's time off not ended by `from` (and starting before `to` when given), soonest first. */
export async function listTimeOff(db: Db, userId: string, range: { from: Instant; to?: Instant | undefined }): Promise<TimeOffRow[]> {
  const rows = await db
    .selectFrom('time_off')
    .select(columns)
    .where('user_id', '=', userId)
    .where('end_at', '>', range.from)
    .$if(range.to !== undefined, (q) => q.where('start_at', '<', range.to as number))
    .orderBy('start_at')
    .orderBy('id')
    .execute();
  return rows.map(toRow);
}

export async function findTimeOff(db: Db, userId: string, id: string): Promise<TimeOffRow> {
  const row = await db.selectFrom('time_off').select(columns).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No time off ${id} for this user`);
  return toRow(row);
}

/** The absences of `userIds` overlapping [from, to) (every one not ended by `from` without `to`): the core's input. */
export async function absencesOf(db: Db, userIds: string[], range?: { from: Instant; to?: Instant | undefined }): Promise<Absence[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('time_off')
    .select(['user_id', 'start_at', 'end_at'])
    .where('user_id', 'in', userIds)
    .$if(range !== undefined, (q) => q.where('end_at', '>', range?.from ?? 0))
    .$if(range?.to !== undefined, (q) => q.where('start_at', '<', range?.to ?? 0))
    .orderBy('start_at')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, start: r.start_at, end: r.end_at }));
}

export async function insertTimeOff(db: Db, t: { userId: string; start: Instant; end: Instant; note: string }, now: Instant): Promise<string> {
  const id = newId();
  await audited(db, { entity: 'time_off', id, action: 'create' }, (trx) =>
    trx.insertInto('time_off').values({ id, user_id: t.userId, start_at: t.start, end_at: t.end, note: t.note, source: 'manual', external_uid: null, created_at: now }).execute(),
  );
  return id;
}

export async function updateTimeOff(db: Db, id: string, patch: { start: Instant; end: Instant; note: string }): Promise<void> {
  await audited(db, { entity: 'time_off', id, action: 'update' }, (trx) =>
    trx.updateTable('time_off').set({ start_at: patch.start, end_at: patch.end, note: patch.note }).where('id', '=', id).execute(),
  );
}

export async function deleteTimeOff(db: Db, id: string): Promise<void> {
  await audited(db, { entity: 'time_off', id, action: 'delete' }, (trx) => trx.deleteFrom('time_off').where('id', '=', id).execute());
}

/** Schedules whose shifts from `now` on may change without `userId`: those naming them, and those with an override or fixed shift of theirs not over yet. */
export async function schedulesWithShiftsOf(db: Db, userId: string, now: number): Promise<string[]> {
  const [named, overrides, fixed] = await Promise.all([
    schedulesNaming(db, userId),
    db.selectFrom('schedule_overrides').select('schedule_id').where('user_id', '=', userId).where('end_at', '>', now).execute(),
    db.selectFrom('fixed_shifts').select('schedule_id').where('user_id', '=', userId).where('end_at', '>', now).execute(),
  ]);
  return [...new Set([...named, ...overrides.map((o) => o.schedule_id), ...fixed.map((f) => f.schedule_id)])];
}

/** Schedules with a layer version (past, current or scheduled) that names `userId`: those their time off can move. */
export async function schedulesNaming(db: Db, userId: string): Promise<string[]> {
  // Members live in the version's JSON; the text match narrows, the parse decides.
  const rows = await db
    .selectFrom('layer_versions as v')
    .innerJoin('schedule_layers as l', 'l.id', 'v.layer_id')
    .select(['l.schedule_id', 'v.config'])
    .where('v.config', 'like', `%"${userId}"%`)
    .execute();
  const ids = new Set<string>();
  for (const r of rows) {
    const config = JSON.parse(r.config) as { members: string[]; carryOver: { userId: string } | null };
    if (config.members.includes(userId) || config.carryOver?.userId === userId) ids.add(r.schedule_id);
  }
  return [...ids];
}

/** One event of an imported calendar, as time off. */
export interface ImportedAbsence {
  uid: string;
  start: Instant;
  end: Instant;
  note: string;
}

/**
 * Makes the user's calendar rows not ended by `from` exactly `events` (by UID): new ones
 * added, changed ones updated, missing ones deleted; rows entered by hand are left alone.
 * One transaction, so a schedule never sees half an import. Not audited row by row: the import is the actor,
 * and the calendar itself is the record of what it said.
 */
/** The user's imported rows a sync over the window from `from` may change: time off over before it is history. */
function syncedRows(db: Db, userId: string, from: Instant) {
  return db.selectFrom('time_off').select(['id', 'external_uid', 'start_at', 'end_at', 'note']).where('user_id', '=', userId).where('source', '=', 'calendar').where('end_at', '>', from).execute();
}

/** Whether syncing `events` would change anything: most fetches find the calendar as it was. */
export async function calendarTimeOffDiffers(db: Db, userId: string, events: ImportedAbsence[], from: Instant): Promise<boolean> {
  const existing = await syncedRows(db, userId, from);
  if (existing.length !== events.length) return true;
  const byUid = new Map(existing.map((r) => [r.external_uid, r]));
  return events.some((e) => {
    const row = byUid.get(e.uid);
    return !row || row.start_at !== e.start || row.end_at !== e.end || row.note !== e.note;
  });
}

export async function syncCalendarTimeOff(db: Db, userId: string, events: ImportedAbsence[], from: Instant, now: Instant): Promise<void> {
  const run = async (trx: Db) => {
    const existing = await syncedRows(trx, userId, from);
    const byUid = new Map(existing.map((r) => [r.external_uid as string, r]));
    for (const e of events) {
      const row = byUid.get(e.uid);
      byUid.delete(e.uid);
      if (!row) {
        await trx
          .insertInto('time_off')
          .values({ id: newId(), user_id: userId, start_at: e.start, end_at: e.end, note: e.note, source: 'calendar', external_uid: e.uid, created_at: now })
          .execute();
      } else if (row.start_at !== e.start || row.end_at !== e.end || row.note !== e.note) {
        await trx.updateTable('time_off').set({ start_at: e.start, end_at: e.end, note: e.note }).where('id', '=', row.id).execute();
      }
    }
    const gone = [...byUid.values()].map((r) => r.id);
    if (gone.length > 0) await trx.deleteFrom('time_off').where('id', 'in', gone).execute();
  };
  return transact(db, run);
}

export interface TimeOffCalendar {
  userId: string;
  url: string;
  syncedAt: Instant | null;
  error: string | null;
}

const toCalendar = (r: Selectable<TimeOffCalendarsTable>): TimeOffCalendar => ({
  userId: r.user_id,
  url: r.url,
  syncedAt: r.synced_at,
  error: r.error,
});

export async function getTimeOffCalendar(db: Db, userId: string): Promise<TimeOffCalendar | null> {
  const row = await db.selectFrom('time_off_calendars').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return row ? toCalendar(row) : null;
}

/** Calendars never fetched, or last fetched at or before `fetchedBy`, with their owner's time zone. */
export async function dueTimeOffCalendars(db: Db, fetchedBy: Instant): Promise<(TimeOffCalendar & { timeZone: string })[]> {
  const rows = await db
    .selectFrom('time_off_calendars as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .selectAll('c')
    .select('u.time_zone')
    .where((eb) => eb.or([eb('c.synced_at', 'is', null), eb('c.synced_at', '<=', fetchedBy)]))
    .orderBy('c.user_id')
    .execute();
  return rows.map((r) => ({ ...toCalendar(r), timeZone: r.time_zone }));
}

/** Sets (a new address starts unsynced) or clears the user's calendar; clearing removes what it imported. */
export async function putTimeOffCalendar(db: Db, userId: string, url: string | null, now: Instant): Promise<void> {
  await audited(db, { entity: 'time_off_calendar', id: userId, action: url === null ? 'delete' : 'update' }, async (trx) => {
    if (url === null) {
      await trx.deleteFrom('time_off_calendars').where('user_id', '=', userId).execute();
      await trx.deleteFrom('time_off').where('user_id', '=', userId).where('source', '=', 'calendar').execute();
      return;
    }
    const current = await trx.selectFrom('time_off_calendars').select('url').where('user_id', '=', userId).executeTakeFirst();
    if (current?.url === url) return;
    await trx.deleteFrom('time_off_calendars').where('user_id', '=', userId).execute();
    await trx.insertInto('time_off_calendars').values({ user_id: userId, url, created_at: now, synced_at: null, error: null }).execute();
  });
}

/** How the last fetch of the calendar went (only if it is still the same address). */
export async function recordCalendarSync(db: Db, userId: string, url: string, outcome: { at: Instant; error: string | null }): Promise<void> {
  await db.updateTable('time_off_calendars').set({ synced_at: outcome.at, error: outcome.error }).where('user_id', '=', userId).where('url', '=', url).execute();
}
