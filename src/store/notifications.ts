import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { chunksOf } from './chunks.js';
import type { Dialect } from './database.js';
import { newId } from './ids.js';
import type { DB, IncidentsTable, NotificationsTable, PageChannel } from './schema.js';
import type { DueTime } from './next-due.js';
import { writeEach, type Write } from './atomic-writes.js';
import { claimedOnce } from './claimed-once.js';
import { Plans, prepared } from './prepared.js';
import { ignoreDuplicatesOf, insertRows } from './row-inserts.js';
import { transact } from './transact.js';

export type NotificationRow = NotificationsTable;

export interface OutboxEntry {
  /** Unique per page that should exist: enqueueing the same key twice keeps one row. */
  idempotencyKey: string;
  incidentId: string | null;
  userId: string | null;
  contactMethodId: string | null;
  channel: PageChannel;
  address: string;
  dueAt: number;
  notice?: { subject: string; text: string } | undefined;
  /** The incident's trigger time and monitor, when the caller holds its row: else read. */
  incident?: Pick<IncidentsTable, 'triggered_at' | 'monitor_id'> | undefined;
}

/**
 * Outbox rows, many per statement; a key already queued keeps its row. A page carries
 * its incident's trigger time and monitor, read here unless the caller gave them, so no
 * caller can leave them out.
 */
export async function enqueue(db: Kysely<DB>, entries: OutboxEntry[], now: number): Promise<void> {
  await writeEach(db, await outboxWrites(db, entries, now));
}

/** enqueue's statements, for writeAtomically; reads what `db` knows of incidents the entries do not describe. */
export async function outboxWrites(db: Kysely<DB>, entries: OutboxEntry[], now: number): Promise<Write[]> {
  const unknown = [...new Set(entries.flatMap((e) => (e.incidentId === null || e.incident ? [] : [e.incidentId])))];
  const incidents = new Map<string, Pick<IncidentsTable, 'triggered_at' | 'monitor_id'>>();
  for (const ids of chunksOf(unknown)) {
    for (const i of await db.selectFrom('incidents').select(['id', 'triggered_at', 'monitor_id']).where('id', 'in', ids).execute()) incidents.set(i.id, i);
  }
  for (const e of entries) if (e.incidentId !== null && e.incident) incidents.set(e.incidentId, e.incident);
  return chunksOf(entries).map((chunk) =>
    insertRows(
      'notifications',
      chunk.map((e) => ({
        id: newId(),
        idempotency_key: e.idempotencyKey,
        incident_id: e.incidentId,
        user_id: e.userId,
        contact_method_id: e.contactMethodId,
        channel: e.channel,
        address: e.address,
        status: 'queued' as const,
        due_at: e.dueAt,
        lease_until: null,
        lease_owner: null,
        attempts: 0,
        last_error: null,
        created_at: now,
        sent_at: null,
        notice: e.notice ? JSON.stringify(e.notice) : null,
        incident_triggered_at: incidents.get(e.incidentId ?? '')?.triggered_at ?? null,
        incident_monitor_id: incidents.get(e.incidentId ?? '')?.monitor_id ?? null,
      })),
      ignoreDuplicatesOf('idempotency_key'),
    ),
  );
}

/** Acknowledge and resolve stop what has not been sent yet. */
export async function cancelPending(db: Kysely<DB>, incidentIds: string[]): Promise<void> {
  for (const chunk of chunksOf(incidentIds)) {
    await db.updateTable('notifications').set({ status: 'cancelled' }).where('incident_id', 'in', chunk).where('status', '=', 'queued').execute();
  }
}

/**
 * Claims due notifications under a lease. A row left 'sending' by a node that died is
 * claimed again once its lease runs out: delivery is at least once, and the idempotency
 * key travels with every attempt so receivers can drop a repeat.
 */
export async function claimDue(db: Kysely<DB>, dialect: Dialect, owner: string, now: number, leaseMs: number, limit: number): Promise<NotificationRow[]> {
  if (dialect === 'postgres') {
    const claimed = await claimDueOnPostgres(db, now, now + leaseMs, owner, limit);
    return claimed.sort((a, b) => Number(a.due_at) - Number(b.due_at));
  }
  return transact(db, async (trx) => {
    const rows = await dueNotifications(trx, now, limit);
    if (rows.length > 0) {
      await sending(trx, now + leaseMs, owner)
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
    }
    return rows.map((r) => ({ ...r, status: 'sending' as const, lease_until: now + leaseMs, lease_owner: owner, attempts: r.attempts + 1 }));
  });
}

/** The two kinds of due page: queued and due, or being sent under a lease that ran out. */
type DueKind = (eb: ExpressionBuilder<DB, 'notifications'>, now: number) => Expression<SqlBool>;
const queuedDue: DueKind = (eb, now) => eb.and([eb('status', '=', 'queued'), eb('due_at', '<=', now)]);
const leaseLapsed: DueKind = (eb, now) => eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]);

const due = (db: Kysely<DB>, now: number, limit: number) =>
  db
    .selectFrom('notifications')
    .where((eb) => eb.or([queuedDue(eb, now), leaseLapsed(eb, now)]))
    .orderBy('due_at')
    .limit(limit);
const sending = (db: Kysely<DB>, leaseUntil: number, owner: string) => db.updateTable('notifications').set(claimed(leaseUntil, owner));
const claimed = (leaseUntil: number, owner: string) => ({ status: 'sending' as const, lease_until: leaseUntil, lease_owner: owner, attempts: sql<number>`attempts + 1` });

// The engine claims every pass: the same statements each time (prepared.ts).
const dueNotifications = prepared((db: Kysely<DB>, now: number, limit: number) => due(db, now, limit).selectAll());
type DueRow = Pick<NotificationsTable, 'id' | 'due_at'>;
/**
 * PostgreSQL looks for each kind of due page apart. Found with one OR, they can only be
 * found by a bitmap scan, which reads every index entry of every former version of every
 * page (claiming and sending a page leaves two behind it until vacuum) and their table
 * pages, at every claim: in a 60 s storm a claim took 7.2 ms on average. Apart, each is an
 * ordered index scan that stops at the limit and marks the dead entries it passes, so
 * later scans skip them without reading the table (3.0 ms; PostgreSQL plans it so once it
 * has statistics of the table, bench/ingest.bench.ts). Each kind locks up to the limit;
 * what is locked and not claimed is free again when the statement ends.
 */
export const postgresClaim = (db: Kysely<DB>, now: number, leaseUntil: number, owner: string, limit: number) => {
  const oldestFirst = (kind: DueKind) =>
    db
      .selectFrom('notifications')
      .select(['id', 'due_at'])
      .where((eb) => kind(eb, now))
      .orderBy('due_at')
      .limit(limit)
      .forUpdate()
      .skipLocked();
  const found = db.withTables<{ queued: DueRow; lapsed: DueRow }>();
  return db
    .with('queued', () => oldestFirst(queuedDue))
    .with('lapsed', () => oldestFirst(leaseLapsed))
    .updateTable('notifications')
    .set(claimed(leaseUntil, owner))
    .where(claimedOnce(found.selectFrom(found.selectFrom('queued').select(['id', 'due_at']).unionAll(found.selectFrom('lapsed').select(['id', 'due_at'])).orderBy('due_at').limit(limit).as('due')).select('id')))
    .returningAll();
};
const claimDueOnPostgres = prepared(postgresClaim);

/**
 * Marks pages sent at `now`, a statement per chunk (writeAtomically runs them), planned
 * per number of pages: every page of a storm is recorded sent by one of these.
 */
export function sentWrites(ids: string[], now: number): Write[] {
  return chunksOf(ids).map((chunk) => {
    const write: Write = (db) => sent(db, now, chunk);
    write.planned = { plans: sentPlans, shape: `notifications:sent:${chunk.length}`, values: [now, ...chunk], build: (db, [at, ...slots]) => sent(db, at as number, slots as string[]) };
    return write;
  });
}

const sent = (db: Kysely<DB>, now: number, ids: string[]) =>
  db.updateTable('notifications').set({ status: 'sent', sent_at: now, lease_until: null, lease_owner: null, last_error: null }).where('id', 'in', ids);
const sentPlans = new Plans(32);

export async function markRetry(db: Kysely<DB>, id: string, dueAt: number, error: string): Promise<void> {
  await db.updateTable('notifications').set({ status: 'queued', due_at: dueAt, lease_until: null, lease_owner: null, last_error: error }).where('id', '=', id).execute();
}

/** Puts a claimed row back for later without counting the claim as an attempt (throttling). */
export async function defer(db: Kysely<DB>, id: string, dueAt: number): Promise<void> {
  await db
    .updateTable('notifications')
    .set((eb) => ({ status: 'queued', due_at: dueAt, lease_until: null, lease_owner: null, attempts: eb('attempts', '-', 1) }))
    .where('id', '=', id)
    .execute();
}

/** When this address last got something on this channel. */
export async function lastSentAt(db: Kysely<DB>, channel: PageChannel, address: string): Promise<number | null> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.max('sent_at').as('at'))
    .where('channel', '=', channel)
    .where('address', '=', address)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}

export async function markFinal(db: Kysely<DB>, id: string, status: 'failed' | 'cancelled', error: string | null): Promise<void> {
  await db.updateTable('notifications').set({ status, lease_until: null, lease_owner: null, last_error: error }).where('id', '=', id).execute();
}

/** The earliest instant the dispatcher has work: a queued row due, or a lease running out. */
export function notificationDueTimes(db: Kysely<DB>): DueTime[] {
  return [
    db.selectFrom('notifications').select((eb) => eb.fn.min('due_at').as('at')).where('status', '=', 'queued'),
    db.selectFrom('notifications').select((eb) => eb.fn.min('lease_until').as('at')).where('status', '=', 'sending'),
  ];
}

export function listNotifications(db: Kysely<DB>, incidentId: string): Promise<NotificationRow[]> {
  return db.selectFrom('notifications').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').orderBy('id').execute();
}

/** A provider's delivery receipt for a sent notification; returns the row it applied to. */
export async function applyReceipt(db: Kysely<DB>, idempotencyKey: string, delivered: boolean, error: string | null): Promise<NotificationRow | undefined> {
  const row = await db.selectFrom('notifications').selectAll().where('idempotency_key', '=', idempotencyKey).where('status', 'in', ['sent', 'delivered']).executeTakeFirst();
  if (!row) return undefined;
  await db
    .updateTable('notifications')
    .set(delivered ? { status: 'delivered' } : { status: 'failed', last_error: error })
    .where('id', '=', row.id)
    .execute();
  return row;
}
