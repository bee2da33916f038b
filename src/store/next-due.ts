import type { Kysely, SelectQueryBuilder } from 'kysely';
import { prepared } from './prepared.js';
import type { DB } from './schema.js';

/** A one-row query answering the earliest instant (`at`, null for none) some work is due. */
export type DueTime = SelectQueryBuilder<DB, keyof DB, { at: number | null }>;

/**
 * The earliest of many due times, read in one statement: a loop asks after every pass
 * how long it may sleep, and on PostgreSQL a round trip per table is what that costs. The
 * statement is the same every pass (prepared.ts): `times` is built once per database, and
 * must bind `now` somewhere.
 */
export function nextDueAt(times: (db: Kysely<DB>, now: number) => DueTime[]): (db: Kysely<DB>, now: number) => Promise<number | null> {
  const earliest = prepared((db: Kysely<DB>, now: number) => db.selectNoFrom(() => times(db, now).map((time, i) => time.as(`t${i}`))));
  return async (db, now) => {
    const [row] = await earliest(db, now);
    // PostgreSQL answers a bigint as text.
    const found = Object.values((row ?? {}) as Record<string, unknown>)
      .filter((v) => v !== null && v !== undefined)
      .map(Number);
    return found.length > 0 ? Math.min(...found) : null;
  };
}
