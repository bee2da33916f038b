import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** A Pushover emergency page whose receipt is to be read: its incident is still triggered. */
export interface DueReceipt {
  id: string;
  incidentId: string;
  receipt: string;
  userId: string | null;
  createdAt: number;
}

/**
 * Claims up to `limit` receipts of pages sent since `since` whose incident is still
 * triggered and that are due to be read, pushing their next read to `nextAt`: another
 * node's pass finds them taken (each read is claimed by one compare-and-set).
 */
export async function claimDueReceipts(db: Kysely<DB>, now: number, since: number, nextAt: number, limit: number): Promise<DueReceipt[]> {
  const candidates = await db
    .selectFrom('chat_messages as c')
    .innerJoin('incidents as i', 'i.id', 'c.incident_id')
    .select(['c.id', 'c.incident_id as incidentId', 'c.message_ref as receipt', 'c.user_id as userId', 'c.created_at as createdAt'])
    .where('c.provider', '=', 'pushover')
    .where('i.status', '=', 'triggered')
    .where('c.created_at', '>=', since)
    .where((eb) => eb.or([eb('c.receipt_poll_at', 'is', null), eb('c.receipt_poll_at', '<=', now)]))
    .orderBy('c.created_at')
    .limit(limit)
    .execute();
  if (candidates.length === 0) return [];
  const claimed = await db
    .updateTable('chat_messages')
    .set({ receipt_poll_at: nextAt })
    .where(
      'id',
      'in',
      candidates.map((c) => c.id),
    )
    .where((eb) => eb.or([eb('receipt_poll_at', 'is', null), eb('receipt_poll_at', '<=', now)]))
    .returning('id')
    .execute();
  const ids = new Set(claimed.map((r) => r.id));
  return candidates.filter((c) => ids.has(c.id)).map((c) => ({ ...c, createdAt: Number(c.createdAt) }));
}

/** The receipt is next read at `at` (later than a claim would say: a rate limit, or never again within its life). */
export async function deferReceipt(db: Kysely<DB>, id: string, at: number): Promise<void> {
  await db.updateTable('chat_messages').set({ receipt_poll_at: at }).where('id', '=', id).execute();
}
