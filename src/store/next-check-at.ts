import type { Kysely } from 'kysely';
import { prepared } from './prepared.js';
import type { DB } from './schema.js';

/**
 * When the next check of any unpaused monitor falls due, or null when none is checked:
 * the check scheduler sleeps until then. Walks the next_check_at index in order, so it
 * stops at the first unpaused monitor.
 */
export async function nextCheckAt(db: Kysely<DB>): Promise<number | null> {
  const [row] = await earliestCheck(db);
  return row?.next_check_at === null || row?.next_check_at === undefined ? null : Number(row.next_check_at);
}

// Asked after every pass of the check scheduler (prepared.ts).
const earliestCheck = prepared((db: Kysely<DB>) =>
  db.selectFrom('monitors').select('next_check_at').where('next_check_at', 'is not', null).where('paused', '=', 0).orderBy('next_check_at').limit(1),
);
