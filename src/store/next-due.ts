import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { DB } from './schema.js';

/** A one-row query answering the earliest instant (`at`, null for none) some work is due. */
export type DueTime = SelectQueryBuilder<DB, keyof DB, { at: number | null }>;

/**
 * The earliest of many due times, read in one statement: a loop asks after every pass
 * how long it may sleep, and on PostgreSQL a round trip per table is what that costs.
 */
export async function nextDueAt(db: Kysely<DB>, times: DueTime[]): Promise<number | null> {
  const row = await db.selectNoFrom(() => times.map((time, i) => time.as(`t${i}`))).executeTakeFirstOrThrow();
  // PostgreSQL answers a bigint as text.
  const found = Object.values(row as Record<string, unknown>).filter((v) => v !== null && v !== undefined).map(Number);
  return found.length > 0 ? Math.min(...found) : null;
}
