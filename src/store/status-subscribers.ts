import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { chunksOf } from './chunks.js';
import type { Dialect } from './database.js';
import { newId } from './ids.js';
import type { DB, StatusNoticeState, StatusSubscriberKind } from './schema.js';
import { transact } from './transact.js';

export interface StatusSubscriber {
  id: string;
  pageId: string;
  kind: StatusSubscriberKind;
  address: string;
  confirmedAt: number | null;
  createdAt: number;
}

const subscriberColumns = ['id', 'page_id', 'kind', 'address', 'confirmed_at', 'created_at'] as const;

function toSubscriber(r: { id: string; page_id: string; kind: StatusSubscriberKind; address: string; confirmed_at: number | null; created_at: number }): StatusSubscriber {
  return {
    id: r.id,
    pageId: r.page_id,
    kind: r.kind,
    address: r.address,
    confirmedAt: r.confirmed_at === null ? null : Number(r.confirmed_at),
    createdAt: Number(r.created_at),
  };
}

/**
 * Records a subscription waiting for its confirmation link (or gives an unconfirmed one a
 * new link). Returns its id, or null when the address is already confirmed: nothing is
 * sent then, and the caller answers exactly as for a new address.
 */
export async function requestSubscription(
  db: Kysely<DB>,
  s: { pageId: string; kind: StatusSubscriberKind; address: string; confirmHash: string; confirmExpiresAt: number; now: number },
): Promise<string | null> {
  return transact(db, async (trx) => {
    await trx
      .insertInto('status_subscribers')
      .values({ id: newId(), page_id: s.pageId, kind: s.kind, address: s.address, confirm_token_hash: null, confirm_expires_at: null, confirmed_at: null, created_at: s.now })
      .onConflict((oc) => oc.columns(['page_id', 'kind', 'address']).doNothing())
      .execute();
    const row = await trx
      .updateTable('status_subscribers')
      .set({ confirm_token_hash: s.confirmHash, confirm_expires_at: s.confirmExpiresAt })
      .where('page_id', '=', s.pageId)
      .where('kind', '=', s.kind)
      .where('address', '=', s.address)
      .where('confirmed_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  });
}

export type ConfirmOutcome = { outcome: 'confirmed'; subscriber: StatusSubscriber } | { outcome: 'expired' | 'unknown' };

/** Uses a confirmation link once: the token's hash is cleared with the confirmation. */
export async function confirmSubscription(db: Kysely<DB>, pageId: string, tokenHash: string, now: number): Promise<ConfirmOutcome> {
  const row = await db
    .updateTable('status_subscribers')
    .set({ confirmed_at: now, confirm_token_hash: null, confirm_expires_at: null })
    .where('page_id', '=', pageId)
    .where('confirm_token_hash', '=', tokenHash)
    .where('confirm_expires_at', '>', now)
    .returning(subscriberColumns)
    .executeTakeFirst();
  if (row) return { outcome: 'confirmed', subscriber: toSubscriber(row) };
  const stale = await db.selectFrom('status_subscribers').select('id').where('page_id', '=', pageId).where('confirm_token_hash', '=', tokenHash).executeTakeFirst();
  return { outcome: stale ? 'expired' : 'unknown' };
}

export async function findSubscriber(db: Kysely<DB>, pageId: string, id: string): Promise<StatusSubscriber | undefined> {
  const row = await db.selectFrom('status_subscribers').select(subscriberColumns).where('page_id', '=', pageId).where('id', '=', id).executeTakeFirst();
  return row && toSubscriber(row);
}

/** Removes a subscriber and, with it (cascade), whatever was still queued for it. */
export async function removeSubscriber(db: Kysely<DB>, pageId: string, id: string): Promise<StatusSubscriber | undefined> {
  const row = await db.deleteFrom('status_subscribers').where('page_id', '=', pageId).where('id', '=', id).returning(subscriberColumns).executeTakeFirst();
  return row && toSubscriber(row);
}

export interface SubscriberListing extends StatusSubscriber {
  /** Notices not sent yet (queued or being sent). */
  pending: number;
  failed: number;
  lastError: string | null;
}

export async function listSubscribers(db: Kysely<DB>, pageId: string): Promise<SubscriberListing[]> {
  const rows = await db.selectFrom('status_subscribers').select(subscriberColumns).where('page_id', '=', pageId).orderBy('created_at').orderBy('id').execute();
  const counts = await db
    .selectFrom('status_notices')
    .innerJoin('status_subscribers', 'status_subscribers.id', 'status_notices.subscriber_id')
    .select((eb) => ['status_notices.subscriber_id', 'status_notices.state', eb.fn.countAll<number>().as('n'), eb.fn.max('status_notices.last_error').as('last_error')])
    .where('status_subscribers.page_id', '=', pageId)
    .where('status_notices.state', 'in', ['queued', 'sending', 'failed'])
    .groupBy(['status_notices.subscriber_id', 'status_notices.state'])
    .execute();
  return rows.map((r) => {
    const mine = counts.filter((c) => c.subscriber_id === r.id);
    const count = (states: StatusNoticeState[]) => mine.filter((c) => states.includes(c.state)).reduce((sum, c) => sum + Number(c.n), 0);
    return { ...toSubscriber(r), pending: count(['queued', 'sending']), failed: count(['failed']), lastError: mine.find((c) => c.last_error)?.last_error ?? null };
  });
}

/**
 * Records one public event and queues it for every confirmed subscriber of the page, in
 * the caller's transaction: the event is announced if and only if it is published. An
 * event already recorded (same id) queues nothing again.
 */
export async function queueNoticeEvent(trx: Kysely<DB>, e: { id: string; pageId: string; payload: string; now: number }): Promise<number> {
  const inserted = await trx
    .insertInto('status_notice_events')
    .values({ id: e.id, page_id: e.pageId, payload: e.payload, created_at: e.now })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return 0;
  const subscribers = await trx.selectFrom('status_subscribers').select(['id', 'kind']).where('page_id', '=', e.pageId).where('confirmed_at', 'is not', null).execute();
  for (const chunk of chunksOf(subscribers)) {
    await trx
      .insertInto('status_notices')
      .values(chunk.map((s) => ({ event_id: e.id, subscriber_id: s.id, kind: s.kind, state: 'queued' as const, attempts: 0, next_attempt_at: e.now, lease_until: null, lease_owner: null, last_error: null, sent_at: null, created_at: e.now })))
      .execute();
  }
  return subscribers.length;
}

export interface ClaimedNotice {
  eventId: string;
  subscriberId: string;
  pageId: string;
  kind: StatusSubscriberKind;
  address: string;
  payload: string;
  attempts: number;
}

/**
 * Claims due notices of the given kinds under a lease, as the dispatcher claims pages
 * (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one writer): two nodes never hold one
 * row at once. A row left 'sending' by a node that died is claimed again once its lease
 * runs out, with the same idempotency key.
 */
export async function claimDueNotices(
  db: Kysely<DB>,
  dialect: Dialect,
  c: { owner: string; now: number; leaseMs: number; limit: number; kinds: StatusSubscriberKind[] },
): Promise<ClaimedNotice[]> {
  if (c.kinds.length === 0) return [];
  return transact(db, async (trx) => {
    const rows = await trx
      .selectFrom('status_notices')
      .select(['event_id', 'subscriber_id'])
      .where('kind', 'in', c.kinds)
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'queued'), eb('next_attempt_at', '<=', c.now)]),
          eb.and([eb('state', '=', 'sending'), eb('lease_until', '<', c.now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .limit(c.limit)
      .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked())
      .execute();
    if (rows.length === 0) return [];
    const keys = rows.map((r) => [r.event_id, r.subscriber_id] as const);
    await trx
      .updateTable('status_notices')
      .set((eb) => ({ state: 'sending', lease_until: c.now + c.leaseMs, lease_owner: c.owner, attempts: eb('attempts', '+', 1) }))
      .where((eb) => eb(eb.refTuple('event_id', 'subscriber_id'), 'in', keys.map(([e, s]) => eb.tuple(e, s))))
      .execute();
    const claimed = await trx
      .selectFrom('status_notices')
      .innerJoin('status_subscribers', 'status_subscribers.id', 'status_notices.subscriber_id')
      .innerJoin('status_notice_events', 'status_notice_events.id', 'status_notices.event_id')
      .select(['status_notices.event_id', 'status_notices.subscriber_id', 'status_notices.attempts', 'status_subscribers.page_id', 'status_subscribers.kind', 'status_subscribers.address', 'status_notice_events.payload'])
      .where((eb) => eb(eb.refTuple('status_notices.event_id', 'status_notices.subscriber_id'), 'in', keys.map(([e, s]) => eb.tuple(e, s))))
      .execute();
    return claimed.map((r) => ({ eventId: r.event_id, subscriberId: r.subscriber_id, pageId: r.page_id, kind: r.kind, address: r.address, payload: r.payload, attempts: r.attempts }));
  });
}

type NoticeKey = { eventId: string; subscriberId: string; owner: string };

// Each outcome is written only while this node still holds the claim, so a row another
// node took over after a lost lease is not marked twice.
function held(db: Kysely<DB>, k: NoticeKey) {
  return db.updateTable('status_notices').where('event_id', '=', k.eventId).where('subscriber_id', '=', k.subscriberId).where('lease_owner', '=', k.owner).where('state', '=', 'sending');
}

export async function markNoticeSent(db: Kysely<DB>, k: NoticeKey, now: number): Promise<void> {
  await held(db, k).set({ state: 'sent', sent_at: now, lease_until: null, lease_owner: null, last_error: null }).execute();
}

export async function markNoticeRetry(db: Kysely<DB>, k: NoticeKey, at: number, error: string): Promise<void> {
  await held(db, k).set({ state: 'queued', next_attempt_at: at, lease_until: null, lease_owner: null, last_error: error }).execute();
}

export async function markNoticeFailed(db: Kysely<DB>, k: NoticeKey, error: string): Promise<void> {
  await held(db, k).set({ state: 'failed', lease_until: null, lease_owner: null, last_error: error }).execute();
}

/** The earliest instant there is work of these kinds: a queued row due, or a lease running out. */
export async function nextNoticeAt(db: Kysely<DB>, kinds: StatusSubscriberKind[]): Promise<number | null> {
  if (kinds.length === 0) return null;
  const row = await db
    .selectFrom('status_notices')
    .select((eb) => [eb.fn.min('next_attempt_at').as('queued')])
    .where('kind', 'in', kinds)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  const lease = await db
    .selectFrom('status_notices')
    .select((eb) => [eb.fn.min('lease_until').as('lease')])
    .where('kind', 'in', kinds)
    .where('state', '=', 'sending')
    .executeTakeFirst();
  const times = [row?.queued, lease?.lease].filter((t) => t !== null && t !== undefined).map(Number);
  return times.length > 0 ? Math.min(...times) : null;
}

/** How many notices wait for email delivery on this page (shown while no SMTP is configured). */
export async function queuedEmailNotices(db: Kysely<DB>, pageId: string): Promise<number> {
  const row = await db
    .selectFrom('status_notices')
    .innerJoin('status_subscribers', 'status_subscribers.id', 'status_notices.subscriber_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status_subscribers.page_id', '=', pageId)
    .where('status_notices.kind', '=', 'email')
    .where('status_notices.state', 'in', ['queued', 'sending'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A maintenance as its notices tell it. */
export interface AnnouncedMaintenance {
  id: string;
  pageId: string;
  title: string;
  body: string;
  startsAt: number;
  endsAt: number;
}

/**
 * Maintenance in progress whose start subscribers have not been told of yet. Only one
 * posted before its start: one posted already under way was announced as it was posted.
 */
export function unannouncedStartedMaintenances(db: Kysely<DB>, now: number): Promise<AnnouncedMaintenance[]> {
  return untoldMaintenances(
    db,
    (eb) => eb.and([eb('starts_at', '<=', now), eb('ends_at', '>', now), eb('created_at', '<', eb.ref('starts_at'))]),
    (m) => `maintenance-start:${m.id}`,
  );
}

/**
 * Maintenance that ended since `since` and whose end subscribers have not been told of
 * (keyed by the end, as noticeEventId keys it). Only one posted before its end: one posted
 * afterwards was never announced.
 */
export function unannouncedEndedMaintenances(db: Kysely<DB>, now: number, since: number): Promise<AnnouncedMaintenance[]> {
  return untoldMaintenances(
    db,
    (eb) => eb.and([eb('ends_at', '<=', now), eb('ends_at', '>', since), eb('created_at', '<', eb.ref('ends_at'))]),
    (m) => `maintenance-end:${m.id}:${m.endsAt}`,
  );
}

/** The maintenances `where` picks whose notice event (keyed by `key`) was not recorded yet. */
async function untoldMaintenances(
  db: Kysely<DB>,
  where: (eb: ExpressionBuilder<DB, 'status_maintenances'>) => Expression<SqlBool>,
  key: (m: AnnouncedMaintenance) => string,
): Promise<AnnouncedMaintenance[]> {
  const rows = await db.selectFrom('status_maintenances').select(['id', 'page_id', 'title', 'body', 'starts_at', 'ends_at']).where(where).execute();
  const found = rows.map((r) => ({ id: r.id, pageId: r.page_id, title: r.title, body: r.body, startsAt: Number(r.starts_at), endsAt: Number(r.ends_at) }));
  const told = new Set<string>();
  for (const chunk of chunksOf(found.map(key))) {
    for (const e of await db.selectFrom('status_notice_events').select('id').where('id', 'in', chunk).execute()) told.add(e.id);
  }
  return found.filter((m) => !told.has(key(m)));
}

/**
 * Drops what no one needs any more: subscriptions never confirmed whose link has expired
 * (subscribing again starts afresh), and sent notices older than `sentBefore` (the
 * events stay: they keep a repeat from being announced).
 */
export async function pruneStatusSubscriptions(db: Kysely<DB>, now: number, sentBefore: number): Promise<void> {
  await db.deleteFrom('status_subscribers').where('confirmed_at', 'is', null).where('confirm_expires_at', '<', now).execute();
  await db.deleteFrom('status_notices').where('state', '=', 'sent').where('sent_at', '<', sentBefore).execute();
}
