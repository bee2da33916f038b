import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { nextDueAt, type DueTime } from '../../src/store/next-due.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

describeEachDatabase('next due: the earliest of many due times in one read', (dialect) => {
  let db: TestDatabase;
  let database: Database;
  /** A scratch table of due instants per kind of work. */
  let probe: Kysely<{ due: { kind: string; at: number | null } }>;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    database = openDatabase(db.url);
    await sql`create table due (kind text not null, at bigint)`.execute(database.db);
    probe = database.db.withTables<{ due: { kind: string; at: number | null } }>() as unknown as typeof probe;
  });

  afterAll(async () => {
    await database?.close();
    await db?.drop();
  });

  /** The earliest instant of a kind after `now`. */
  const earliestOf = (kind: string, now: number) => probe.selectFrom('due').select((eb) => eb.fn.min('at').as('at')).where('kind', '=', kind).where('at', '>', now) as unknown as DueTime;
  const due = (kind: string, at: number | null) => probe.insertInto('due').values({ kind, at }).execute();
  const ab = nextDueAt((_db, now) => [earliestOf('a', now), earliestOf('b', now)]);
  const abc = nextDueAt((_db, now) => [earliestOf('a', now), earliestOf('b', now), earliestOf('c', now)]);
  const ca = nextDueAt((_db, now) => [earliestOf('c', now), earliestOf('a', now)]);

  it('answers null when no kind of work waits', async () => {
    expect(await ab(database.db, 0)).toBeNull();
    await due('a', null);
    expect(await ab(database.db, 0)).toBeNull();
  });

  it('answers the earliest instant over every kind, as a number past 2^32 ms on both databases', async () => {
    // 2300-01-01 and later: a bigint PostgreSQL answers as text.
    await due('a', 10_413_792_000_000);
    await due('a', 10_413_792_000_500);
    expect(await ab(database.db, 0)).toBe(10_413_792_000_000);
    await due('b', 10_413_791_999_999);
    expect(await abc(database.db, 0)).toBe(10_413_791_999_999);
    expect(await ca(database.db, 0)).toBe(10_413_792_000_000);
    // The same statement, another `now`: what is not after it is not due.
    expect(await abc(database.db, 10_413_792_000_000)).toBe(10_413_792_000_500);
  });
});
