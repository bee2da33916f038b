import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { prepared, preparedPerLength } from '../../src/store/prepared.js';
import type { DB } from '../../src/store/schema.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

type Probe = Kysely<{ items: { id: string; kind: string; n: number } }>;
const probeOf = (db: Kysely<DB>) => db.withTables<{ items: { id: string; kind: string; n: number } }>() as unknown as Probe;

// Module-wide, as in the store: one function serves both databases of this file in turn,
// each with its own compiled text (`?` on SQLite, `$1` on PostgreSQL).
const between = (db: Kysely<DB>, kind: string, low: number, high: number) =>
  probeOf(db).selectFrom('items').select(['id', 'n']).where('kind', '=', kind).where('n', '>=', low).where('n', '<', high).where('kind', '<>', 'hidden').orderBy('n');
const preparedBetween = prepared(between);
// The same argument bound twice.
const twice = prepared((db: Kysely<DB>, n: number) => probeOf(db).selectFrom('items').select('id').where((eb) => eb.or([eb('n', '=', n), eb('n', '=', sql<number>`${n} * 10`)])).orderBy('id'));

const ofIds = (db: Kysely<DB>, ids: string[], kind: string) => probeOf(db).selectFrom('items').select('id').where('id', 'in', ids).where('kind', '=', kind).orderBy('id');
// Kept for two lengths: a third pushes the oldest out.
const preparedOfIds = preparedPerLength(ofIds, 2);

describeEachDatabase('prepared queries: built once, run with new arguments', (dialect) => {
  let db: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    database = openDatabase(db.url);
    await sql`create table items (id text primary key, kind text not null, n integer not null)`.execute(database.db);
    const rows = Array.from({ length: 40 }, (_, i) => ({ id: `i${String(i).padStart(2, '0')}`, kind: i % 3 === 0 ? 'hidden' : i % 2 === 0 ? 'even' : 'odd', n: i }));
    await probeOf(database.db).insertInto('items').values(rows).execute();
  });

  afterAll(async () => {
    await database?.close();
    await db?.drop();
  });

  it('answers what the query built each time answers, for every argument', async () => {
    for (const [kind, low, high] of [
      ['even', 0, 40],
      ['odd', 5, 17],
      ['even', 30, 10],
      ['hidden', 0, 40],
      ['odd', -5, 3],
    ] as const) {
      expect(await preparedBetween(database.db, kind, low, high)).toEqual(await between(database.db, kind, low, high).execute());
    }
  });

  it('binds an argument used twice in both places, inside a transaction too', async () => {
    expect((await twice(database.db, 2)).map((r) => r.id)).toEqual(['i02', 'i20']);
    await database.db.transaction().execute(async (trx) => {
      expect((await twice(trx, 3)).map((r) => r.id)).toEqual(['i03', 'i30']);
    });
  });

  it('with a list, answers as built for lists of every length, compiled again for a length it dropped', async () => {
    for (const ids of [['i01'], ['i01', 'i02', 'i05'], ['i07'], ['i04', 'i08', 'i10', 'i11'], ['i01', 'i02', 'i05'], ['i39', 'nothing']]) {
      for (const kind of ['even', 'odd']) expect(await preparedOfIds(database.db, ids, kind)).toEqual(await ofIds(database.db, ids, kind).execute());
    }
  });

  it('refuses, at its first run, a query that does not bind an argument', async () => {
    // The limit is read while building (not bound): each run would use the first one's.
    const unbound = prepared((q: Kysely<DB>, kind: string, limit: number) =>
      probeOf(q)
        .selectFrom('items')
        .select('id')
        .where('kind', '=', kind)
        .limit(typeof limit === 'number' ? limit : 5),
    );
    await expect(unbound(database.db, 'odd', 2)).rejects.toThrow(/argument 1 is not a bound parameter/);
  });
});
