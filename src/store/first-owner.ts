import { sql, type Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import type { Database } from './database.js';
import type { DB, UserRow } from './schema.js';
import { STARTUP_LOCK } from './startup-lock.js';
import { createUser, type NewUser } from './users.js';
import { transact } from './transact.js';

/** True once anyone has an account: from then on the first-run setup is closed for good. */
export async function hasAnyUser(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Creates the first user, as owner, only while no user exists (409 setup_done otherwise).
 * Two setups at once make exactly one owner: on PostgreSQL the transaction takes the
 * startup advisory lock, so the second waits for the first to commit and then finds its
 * user (and a node seeding the demo meanwhile is waited for too); SQLite runs one
 * transaction at a time on its single connection.
 */
export async function createFirstOwner(database: Database, user: Omit<NewUser, 'role'>, now: number): Promise<UserRow> {
  return transact(database.db, async (trx) => {
    if (database.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${STARTUP_LOCK})`.execute(trx);
    if (await hasAnyUser(trx)) throw new AppError('setup_done');
    return createUser(trx, { ...user, role: 'owner' }, now);
  });
}
