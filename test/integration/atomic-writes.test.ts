import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeAtomically, type Write } from '../../src/store/atomic-writes.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import type { DB } from '../../src/store/schema.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

type Probe = { probe: { k: string; n: number | null } };

describeEachDatabase('writes made atomic together', (dialect) => {
  let db: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    database = openDatabase(db.url);
    await sql`create table probe (k text primary key, n integer not null)`.execute(database.db);
  });

  afterAll(async () => {
    await database?.close();
    await db?.drop();
  });

  const probe = (q: Kysely<DB>) => q.withTables<Probe>() as unknown as Kysely<Probe>;
  const insert =
    (k: string, n: number | null): Write =>
    (q) =>
      probe(q).insertInto('probe').values({ k, n }) as unknown as ReturnType<Write>;
  const bump =
    (k: string): Write =>
    (q) =>
      probe(q)
        .updateTable('probe')
        .set((eb) => ({ n: eb('n', '+', 1) }))
        .where('k', '=', k) as unknown as ReturnType<Write>;
  const stored = async () => (await probe(database.db).selectFrom('probe').select(['k', 'n']).orderBy('k').execute()).map((r) => [r.k, Number(r.n)]);

  it('writes all of them, or none when one fails', async () => {
    await writeAtomically(database.db, [insert('a', 1), insert('b', 2)]);
    await writeAtomically(database.db, [bump('a'), bump('b')]);
    expect(await stored()).toEqual([
      ['a', 2],
      ['b', 3],
    ]);
    // The last write breaks NOT NULL: the two before it are undone with it.
    await expect(writeAtomically(database.db, [insert('c', 1), bump('b'), insert('d', null)])).rejects.toThrow();
    expect(await stored()).toEqual([
      ['a', 2],
      ['b', 3],
    ]);
  });

  it("writes in the caller's transaction, undone with it", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await writeAtomically(trx, [insert('e', 1), bump('a')]);
        expect((await probe(trx).selectFrom('probe').select('k').where('k', '=', 'e').execute()).length).toBe(1);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await stored()).toEqual([
      ['a', 2],
      ['b', 3],
    ]);
  });

  // What one statement means, and why callers must not give it writes that depend on each
  // other: they share a snapshot, so none sees another's row, and a row changes once.
  if (dialect === 'postgres') it('sends them to PostgreSQL as one statement, whose writes do not see one another', async () => {
    await writeAtomically(database.db, [insert('f', 1), bump('f')]);
    await writeAtomically(database.db, [bump('a'), bump('a')]);
    await database.db.transaction().execute((trx) => writeAtomically(trx, [insert('g', 1), bump('g')]));
    expect((await stored()).filter(([k]) => ['a', 'f', 'g'].includes(k as string))).toEqual([
      ['a', 3],
      ['f', 1],
      ['g', 1],
    ]);
  });
});
