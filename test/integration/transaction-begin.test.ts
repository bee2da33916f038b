import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { lazyBeginClient } from '../../src/store/postgres-lazy-begin.js';
import type { DB } from '../../src/store/schema.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

type Probe = { probe: { k: string } };

// On PostgreSQL a transaction's BEGIN goes with its first statement when that statement
// has no parameters (store/postgres-lazy-begin.ts). Whatever goes together, a transaction
// is still one: undone whole, committed whole, usable after a failure.
describeEachDatabase('transactions begin with their first statement', (dialect) => {
  let test: TestDatabase;
  let database: Database;
  let db: Kysely<Probe>;

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    database = openDatabase(test.url);
    db = database.db as unknown as Kysely<Probe>;
    await sql`create table probe (k text primary key)`.execute(db);
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  const keys = async () => (await db.selectFrom('probe').select('k').orderBy('k').execute()).map((r) => r.k);
  const rolledBack = (work: (trx: Kysely<Probe>) => Promise<unknown>) =>
    expect(
      db.transaction().execute(async (trx) => {
        await work(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');

  it('undoes a transaction whose first statement has no parameters, and one whose first has some', async () => {
    await rolledBack(async (trx) => {
      await sql`insert into probe (k) values ('plain')`.execute(trx);
      expect(await trx.selectFrom('probe').select('k').execute()).toEqual([{ k: 'plain' }]);
    });
    await rolledBack((trx) => trx.insertInto('probe').values({ k: 'bound' }).execute());
    expect(await keys()).toEqual([]);
  });

  it('commits both kinds, and an empty transaction', async () => {
    await db.transaction().execute(async (trx) => {
      await sql`insert into probe (k) values ('a')`.execute(trx);
      await trx.insertInto('probe').values({ k: 'b' }).execute();
    });
    await db.transaction().execute((trx) => trx.insertInto('probe').values({ k: 'c' }).execute());
    await db.transaction().execute(() => Promise.resolve());
    await rolledBack(() => Promise.resolve());
    expect(await keys()).toEqual(['a', 'b', 'c']);
  });

  it('answers the first statement with its own result, and its failure undoes the transaction', async () => {
    const rows = await db.transaction().execute(async (trx) => (await sql<{ n: number }>`select count(*) as n from probe`.execute(trx)).rows);
    expect(rows.map((r) => Number(r.n))).toEqual([3]);
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into probe (k) values ('a')`.execute(trx);
      }),
    ).rejects.toThrow();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('probe').values({ k: 'd' }).execute();
        await sql`insert into probe (k) values ('a')`.execute(trx);
      }),
    ).rejects.toThrow();
    // Every connection of the pool still works, outside and inside transactions.
    await Promise.all(Array.from({ length: 12 }, (_, i) => db.transaction().execute((trx) => sql`insert into probe (k) values (${`p${i}`})`.execute(trx))));
    expect((await keys()).filter((k) => !k.startsWith('p'))).toEqual(['a', 'b', 'c']);
    expect(await keys()).toHaveLength(15);
  });

  // PostgreSQL stamps each message it receives: in one message, BEGIN (whose time now()
  // keeps) and the statement share that stamp; sent apart, the statement's is later.
  if (dialect === 'postgres')
    it('sends BEGIN and a first statement without parameters to PostgreSQL as one message', async () => {
      const together = await database.db.transaction().execute(async (trx) => (await sql<{ same: boolean }>`select now() = statement_timestamp() as same`.execute(trx)).rows[0]?.same);
      expect(together).toBe(true);
      const apart = await database.db.transaction().execute(async (trx: Kysely<DB>) => {
        await sql`select ${1}::int as one`.execute(trx);
        return (await sql<{ same: boolean }>`select now() = statement_timestamp() as same`.execute(trx)).rows[0]?.same;
      });
      expect(apart).toBe(false);
    });

  if (dialect === 'postgres')
    it("leaves pg's callback form alone: a BEGIN given a callback is sent at once", async () => {
      const client = new (lazyBeginClient(pg.Client))({ connectionString: test.url });
      await client.connect();
      try {
        await new Promise<void>((resolve, reject) => client.query('begin', (err: Error | null) => (err ? reject(err) : resolve())));
        const { rows } = await client.query<{ same: boolean }>('select now() = statement_timestamp() as same');
        expect(rows[0]?.same).toBe(false);
        await client.query('rollback');
      } finally {
        await client.end();
      }
    });
});
