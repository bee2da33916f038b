import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import type { CoverRequestState } from '../core/schedule/cover-request.js';
import { audited } from './audit.js';
import { newId } from './ids.js';
import type { CoverRequestsTable, DB } from './schema.js';

export type CoverRequestRow = CoverRequestsTable & { candidates: string[] };

export function stateOf(row: CoverRequestRow): CoverRequestState {
  return { requesterId: row.requester_id, status: row.status, start: row.start_at, end: row.end_at, createdAt: row.created_at, candidates: row.candidates };
}

export async function insertCoverRequest(
  db: Kysely<DB>,
  r: { scheduleId: string; layerId: string | null; requesterId: string; start: number; end: number; note: string; candidates: string[] },
  now: number,
): Promise<string> {
  const id = newId();
  await audited(db, { entity: 'cover_request', id, action: 'create' }, async (trx) => {
    await trx
      .insertInto('cover_requests')
      .values({ id, schedule_id: r.scheduleId, layer_id: r.layerId, requester_id: r.requesterId, start_at: r.start, end_at: r.end, note: r.note, status: 'open', created_at: now })
      .execute();
    if (r.candidates.length > 0) await trx.insertInto('cover_request_candidates').values(r.candidates.map((user_id) => ({ request_id: id, user_id }))).execute();
  });
  return id;
}

async function withCandidates(db: Kysely<DB>, rows: CoverRequestsTable[]): Promise<CoverRequestRow[]> {
  if (rows.length === 0) return [];
  const asked = await db
    .selectFrom('cover_request_candidates')
    .select(['request_id', 'user_id'])
    .where('request_id', 'in', rows.map((r) => r.id))
    .orderBy('user_id')
    .execute();
  return rows.map((r) => ({ ...r, candidates: asked.filter((a) => a.request_id === r.id).map((a) => a.user_id) }));
}

export async function findCoverRequest(db: Kysely<DB>, scheduleId: string, id: string): Promise<CoverRequestRow> {
  const row = await db.selectFrom('cover_requests').selectAll().where('schedule_id', '=', scheduleId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No cover request ${id} on this schedule`);
  return (await withCandidates(db, [row]))[0] as CoverRequestRow;
}

/** A schedule's requests that have not ended yet (open, taken, withdrawn or expired), soonest first. */
export async function listScheduleCoverRequests(db: Kysely<DB>, scheduleId: string, now: number): Promise<CoverRequestRow[]> {
  const rows = await db.selectFrom('cover_requests').selectAll().where('schedule_id', '=', scheduleId).where('end_at', '>', now).orderBy('start_at').orderBy('id').limit(500).execute();
  return withCandidates(db, rows);
}

/** Open requests `userId` was asked to take, not yet past their deadline (the caller filters exactly), soonest first. */
export async function listCoverRequestsFor(db: Kysely<DB>, userId: string, now: number): Promise<CoverRequestRow[]> {
  const rows = await db
    .selectFrom('cover_requests as r')
    .innerJoin('cover_request_candidates as c', 'c.request_id', 'r.id')
    .selectAll('r')
    .where('c.user_id', '=', userId)
    .where('r.status', '=', 'open')
    .where('r.end_at', '>', now)
    .orderBy('r.start_at')
    .orderBy('r.id')
    .limit(500)
    .execute();
  return withCandidates(db, rows);
}

/**
 * Requests still marked open whose deadline (see acceptDeadline: the start, or the end of
 * a span under way when asked) falls in (from, to]: those that expired then.
 */
export async function expiredCoverRequests(db: Kysely<DB>, from: number, to: number): Promise<CoverRequestRow[]> {
  const rows = await db
    .selectFrom('cover_requests')
    .selectAll()
    .where('status', '=', 'open')
    .where((eb) =>
      eb.or([
        eb.and([eb('start_at', '>', eb.ref('created_at')), eb('start_at', '>', from), eb('start_at', '<=', to)]),
        eb.and([eb('start_at', '<=', eb.ref('created_at')), eb('end_at', '>', from), eb('end_at', '<=', to)]),
      ]),
    )
    .orderBy('start_at')
    .orderBy('id')
    .execute();
  return withCandidates(db, rows);
}

/** Requests of the requester still marked open that overlap [start, end) in the same scope (some may have expired). */
export function overlappingOpenRequests(db: Kysely<DB>, r: { scheduleId: string; layerId: string | null; requesterId: string; start: number; end: number }) {
  return db
    .selectFrom('cover_requests')
    .select(['id', 'status', 'start_at as start', 'end_at as end', 'created_at as createdAt'])
    .where('schedule_id', '=', r.scheduleId)
    .where('requester_id', '=', r.requesterId)
    .where('status', '=', 'open')
    .where((eb) => (r.layerId === null ? eb('layer_id', 'is', null) : eb('layer_id', '=', r.layerId)))
    .where('start_at', '<', r.end)
    .where('end_at', '>', r.start)
    .execute();
}

/**
 * Closes an open request; false when it was not open any more. The status check is in the
 * UPDATE itself, so of two concurrent closers exactly one sees a row changed (PostgreSQL
 * re-checks the condition after waiting for the other's row lock; SQLite writes one at a time).
 */
export async function closeCoverRequest(db: Kysely<DB>, id: string, to: { status: 'accepted'; acceptedBy: string } | { status: 'withdrawn' }, now: number): Promise<boolean> {
  const result = await db
    .updateTable('cover_requests')
    .set({ status: to.status, decided_at: now, ...(to.status === 'accepted' && { accepted_by: to.acceptedBy }) })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records who took a request: the override they got. */
export async function setCoverOverride(db: Kysely<DB>, id: string, overrideId: string): Promise<void> {
  await db.updateTable('cover_requests').set({ override_id: overrideId }).where('id', '=', id).execute();
}

/** The team's members who can be on call: everyone but viewers. */
export async function teamResponderIds(db: Kysely<DB>, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.team_id', '=', teamId)
    .where('u.role', '!=', 'viewer')
    .orderBy('u.name')
    .execute();
  return rows.map((r) => r.id);
}
