import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/**
 * True when PostgreSQL rolled a transaction back to break a deadlock (40P01) or for a
 * serialization conflict (40001): nothing of it was written, and running it again
 * succeeds once the other transaction is through. Writers that lock incidents in the
 * order their work arrives (page outcomes, the engine) can meet an API call that locks
 * the same incidents in id order; PostgreSQL then picks one of them as the victim.
 */
export function isLockConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/** Times a transaction is run before its conflict is the caller's. */
const ATTEMPTS = 5;

/**
 * Runs `work` in a transaction, again when it loses a lock conflict (PostgreSQL's own
 * advice for deadlocks). `work` must do nothing but write through `trx` (no sends, no
 * state outside it), as a retried run repeats it whole. Already inside a transaction,
 * `work` joins it: a conflict undoes the caller's work too, so the caller retries.
 */
export async function transact<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  for (let attempt = 1; ; attempt++) {
    try {
      // eslint-disable-next-line no-restricted-syntax -- the one place transactions are opened
      return await db.transaction().execute(work);
    } catch (err) {
      if (!isLockConflict(err) || attempt >= ATTEMPTS) throw err;
      // A short random pause, so the two that collided do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
