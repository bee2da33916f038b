import type { Kysely, Transaction } from 'kysely';
import { isLockConflict } from './database-fault.js';
import type { DB } from './schema.js';

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
