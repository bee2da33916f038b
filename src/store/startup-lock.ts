import { sql } from 'kysely';
import type { Database } from './database.js';

/** Any fixed number: the advisory lock every Vigil node takes while it migrates and seeds. */
export const STARTUP_LOCK = 0x76_69_67_69; // "vigi"

/**
 * Runs migrations and seeding one node at a time: nodes started together on an empty
 * PostgreSQL database would otherwise race to create the same tables and seed the demo
 * team twice. The lock is a session-level advisory lock held on one pooled connection
 * and freed even if that node dies. SQLite is one process, and needs none.
 */
export async function withStartupLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  if (database.dialect !== 'postgres') return work();
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(conn);
    }
  });
}
