import type { Kysely } from 'kysely';
import { prepared } from './prepared.js';
import type { DB } from './schema.js';
import { transact } from './transact.js';

// A node beats every second: the same statements each time (prepared.ts).
const upsertBeat = prepared((db: Kysely<DB>, id: string, wallNow: number) =>
  db
    .insertInto('nodes')
    .values({ id, started_at: wallNow, heartbeat_at: wallNow })
    .onConflict((oc) => oc.column('id').doUpdateSet({ heartbeat_at: wallNow })),
);

/** Announces a node, or refreshes its heartbeat (a node reaped during a long pause comes back). */
export async function beat(db: Kysely<DB>, id: string, wallNow: number): Promise<void> {
  await upsertBeat(db, id, wallNow);
}

export async function removeNode(db: Kysely<DB>, id: string): Promise<void> {
  await releaseClaimsOf(db, [id]);
  await db.deleteFrom('nodes').where('id', '=', id).execute();
}

/** Keeps alive the claims this node is still working on (and only those: a claim it dropped expires). */
export async function renewLeases(db: Kysely<DB>, owner: string, held: { incidents: string[]; notifications: string[] }, leaseUntil: number): Promise<void> {
  if (held.incidents.length > 0) {
    await db.updateTable('incidents').set({ lease_until: leaseUntil }).where('lease_owner', '=', owner).where('id', 'in', held.incidents).execute();
  }
  if (held.notifications.length > 0) {
    await db
      .updateTable('notifications')
      .set({ lease_until: leaseUntil })
      .where('lease_owner', '=', owner)
      .where('status', '=', 'sending')
      .where('id', 'in', held.notifications)
      .execute();
  }
}

/** Nodes whose last heartbeat is older than `before` (wall-clock ms). */
export async function staleNodes(db: Kysely<DB>, before: number, self: string): Promise<string[]> {
  return (await nodesBeatingBefore(db, before, self)).map((r) => r.id);
}

const nodesBeatingBefore = prepared((db: Kysely<DB>, before: number, self: string) => db.selectFrom('nodes').select('id').where('heartbeat_at', '<', before).where('id', '<>', self));

/** Every node but this one: on SQLite, one process owns the file, so all others are gone. */
export async function otherNodes(db: Kysely<DB>, self: string): Promise<string[]> {
  const rows = await db.selectFrom('nodes').select('id').where('id', '<>', self).execute();
  return rows.map((r) => r.id);
}

/**
 * Gives a dead node's claims back at once: its incidents become claimable, and pages it
 * was sending are queued again (at least once: one it sent just before dying goes out a
 * second time with the same idempotency key). Returns how many claims were released.
 */
export async function reapNodes(db: Kysely<DB>, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const released = await transact(db, async (trx) => {
    const n = await releaseClaimsOf(trx, ids);
    await trx.deleteFrom('nodes').where('id', 'in', ids).execute();
    return n;
  });
  return released;
}

/** Claims left by a process that ran before nodes recorded themselves (no owner): SQLite start only. */
export async function releaseUnownedClaims(db: Kysely<DB>): Promise<number> {
  const incidents = await db.updateTable('incidents').set({ lease_until: null }).where('lease_owner', 'is', null).where('lease_until', 'is not', null).executeTakeFirst();
  const pages = await db
    .updateTable('notifications')
    .set({ status: 'queued', lease_until: null })
    .where('lease_owner', 'is', null)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(incidents.numUpdatedRows) + Number(pages.numUpdatedRows);
}

async function releaseClaimsOf(db: Kysely<DB>, ids: string[]): Promise<number> {
  const incidents = await db.updateTable('incidents').set({ lease_until: null, lease_owner: null }).where('lease_owner', 'in', ids).executeTakeFirst();
  const pages = await db
    .updateTable('notifications')
    .set({ status: 'queued', lease_until: null, lease_owner: null })
    .where('lease_owner', 'in', ids)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(incidents.numUpdatedRows) + Number(pages.numUpdatedRows);
}
