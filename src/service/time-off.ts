import type { Kysely } from 'kysely';
import type { Instant } from '../core/schedule/types.js';
import type { DB } from '../store/schema.js';
import { schedulesNaming } from '../store/time-off.js';
import { withShiftChangeNotices } from './shift-change-notices.js';

/**
 * Runs a change to `userId`'s time off, telling everyone whose shifts the automatic covers
 * move (in one message each), except whoever made the change.
 */
export async function changeTimeOff<T>(db: Kysely<DB>, userId: string, now: Instant, actorId: string | null, change: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return withShiftChangeNotices(db, await schedulesNaming(db, userId), now, actorId, change);
}
