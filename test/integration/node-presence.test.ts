import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { NodePresence } from '../../src/engine/node-presence.js';
import { systemClock } from '../../src/kernel/clock.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { newId } from '../../src/store/ids.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

const until = async (check: () => Promise<boolean>, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
};

/** A claim held by `owner`, as the engine leaves one when its node dies mid-send. */
async function heldPage(database: Database, owner: string): Promise<string> {
  const id = newId();
  const now = Date.now();
  await database.db
    .insertInto('notifications')
    .values({ id, idempotency_key: `k-${id}`, incident_id: null, user_id: null, contact_method_id: null, channel: 'webhook', address: 'http://127.0.0.1:1/', status: 'sending', due_at: now, lease_until: now + 3_600_000, lease_owner: owner, attempts: 1, last_error: null, created_at: now, sent_at: null, notice: null })
    .execute();
  return id;
}

const statusOf = async (database: Database, id: string) =>
  (await database.db.selectFrom('notifications').select(['status', 'lease_owner']).where('id', '=', id).executeTakeFirstOrThrow());

describeEachDatabase('node presence: a dead node\'s claims are released at once', (dialect) => {
  let db: TestDatabase;
  let database: Database;
  const presences: NodePresence[] = [];
  let reaped = 0;
  const presence = () => {
    const p = new NodePresence(
      { database, clock: systemClock, logger: createLogger('silent'), held: () => ({ incidents: [], notifications: [] }), onReaped: () => reaped++ },
      { beatMs: 50, deadAfterMs: 400, leaseMs: 15_000 },
    );
    presences.push(p);
    return p;
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    database = openDatabase(db.url);
    await migrateToLatest(database);
  });

  afterAll(async () => {
    for (const p of presences) await p.stop();
    await database?.close();
    await db?.drop();
  });

  it('takes over the pages a silent node was sending, and leaves a beating node alone', async () => {
    const dead = newId();
    const alive = presence();
    await alive.beatNow();
    alive.start();
    await database.db.insertInto('nodes').values({ id: dead, started_at: Date.now() - 60_000, heartbeat_at: Date.now() - 60_000 }).execute();
    const orphan = await heldPage(database, dead);
    const mine = await heldPage(database, alive.id);

    if (dialect === 'postgres') {
      // Two nodes share PostgreSQL: the other one's claims stay while it beats.
      const other = presence();
      await other.beatNow();
      other.start();
      const theirs = await heldPage(database, other.id);
      await until(async () => (await statusOf(database, orphan)).status === 'queued');
      await new Promise((r) => setTimeout(r, 600));
      expect(await statusOf(database, theirs)).toEqual({ status: 'sending', lease_owner: other.id });
    } else {
      // SQLite: one process owns the file, so a starting node reaps every other at once.
      const restarted = presence();
      await restarted.beatNow();
      expect(await statusOf(database, mine)).toEqual({ status: 'queued', lease_owner: null });
    }
    await until(async () => (await statusOf(database, orphan)).status === 'queued');
    expect(await statusOf(database, orphan)).toEqual({ status: 'queued', lease_owner: null });
    expect(reaped).toBeGreaterThan(0);
    const nodes = await database.db.selectFrom('nodes').select('id').execute();
    expect(nodes.map((n) => n.id)).not.toContain(dead);
  });

  it('beats every pass on PostgreSQL, and only at its start on SQLite, where nobody reads a heartbeat later', async () => {
    let passes = 0;
    const node = new NodePresence(
      { database, clock: systemClock, logger: createLogger('silent'), held: () => (passes++, { incidents: [], notifications: [] }), onReaped: () => undefined },
      { beatMs: 20, deadAfterMs: 400, leaseMs: 15_000 },
    );
    presences.push(node);
    await node.beatNow();
    const heartbeat = async () => Number((await database.db.selectFrom('nodes').select('heartbeat_at').where('id', '=', node.id).executeTakeFirstOrThrow()).heartbeat_at);
    const first = await heartbeat();
    node.start();
    await until(async () => passes >= 5);
    if (dialect === 'postgres') await until(async () => (await heartbeat()) > first);
    expect(passes).toBeGreaterThanOrEqual(5);
    if (dialect === 'postgres') expect(await heartbeat()).toBeGreaterThan(first);
    else expect(await heartbeat()).toBe(first);
  });
});
