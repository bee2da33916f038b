import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import { newSecretToken, sha256 } from '../security/secret-token.js';
import { newId } from './ids.js';
import type { CalendarFeedsTable, DB, UserRow } from './schema.js';

export type CalendarFeedRow = Omit<CalendarFeedsTable, 'secret_hash'>;

/** Creates a feed; the returned key is the only copy, only its hash is kept. */
export async function createCalendarFeed(
  db: Kysely<DB>,
  ownerId: string,
  scheduleId: string | null,
  now: number,
): Promise<{ key: string; feed: CalendarFeedRow }> {
  const key = newSecretToken('cal_');
  const feed: CalendarFeedRow = { id: newId(), owner_id: ownerId, schedule_id: scheduleId, created_at: now, revoked_at: null };
  await db.insertInto('calendar_feeds').values({ ...feed, secret_hash: sha256(key) }).execute();
  return { key, feed };
}

export function listCalendarFeeds(db: Kysely<DB>, ownerId: string): Promise<CalendarFeedRow[]> {
  return db
    .selectFrom('calendar_feeds')
    .select(['id', 'owner_id', 'schedule_id', 'created_at', 'revoked_at'])
    .where('owner_id', '=', ownerId)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function revokeCalendarFeed(db: Kysely<DB>, ownerId: string, id: string, now: number): Promise<void> {
  const result = await db
    .updateTable('calendar_feeds')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('not_found', `No calendar feed ${id}`);
}

/** The live feed behind a key, with its owner; undefined for unknown or revoked keys. */
export async function findCalendarFeed(db: Kysely<DB>, key: string): Promise<{ feed: CalendarFeedRow; owner: UserRow } | undefined> {
  const row = await db
    .selectFrom('calendar_feeds as f')
    .innerJoin('users as u', 'u.id', 'f.owner_id')
    .selectAll('u')
    .select(['f.id as feed_id', 'f.schedule_id', 'f.created_at as feed_created_at'])
    .where('f.secret_hash', '=', sha256(key))
    .where('f.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { feed_id, schedule_id, feed_created_at, ...owner } = row;
  return { feed: { id: feed_id, owner_id: owner.id, schedule_id, created_at: feed_created_at, revoked_at: null }, owner };
}
