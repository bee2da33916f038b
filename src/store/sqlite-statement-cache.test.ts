import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { expect, it, vi } from 'vitest';
import { cachingStatements } from './sqlite-statement-cache.js';

const fresh = () => {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table t (k text primary key, n integer)');
  return { sqlite, prepare: vi.spyOn(sqlite, 'prepare') };
};

it('compiles a text once and reuses it with new parameters', () => {
  const { sqlite, prepare } = fresh();
  const db = cachingStatements(sqlite);
  for (let i = 0; i < 5; i++) db.prepare('insert into t (k, n) values (?, ?)').run([`k${i}`, i]);
  expect(db.prepare('select count(*) as c from t').all([])).toEqual([{ c: 5 }]);
  expect(prepare).toHaveBeenCalledTimes(2);
});

it('drops the least recently used text beyond its size', () => {
  const { sqlite, prepare } = fresh();
  const db = cachingStatements(sqlite, { size: 2 });
  db.prepare('select 1');
  db.prepare('select 2');
  db.prepare('select 1'); // now "select 2" is the least recently used
  db.prepare('select 3'); // evicts "select 2"
  db.prepare('select 1');
  expect(prepare).toHaveBeenCalledTimes(3);
  db.prepare('select 2');
  expect(prepare).toHaveBeenCalledTimes(4);
});

it('serves Kysely queries, transactions and later schema changes correctly', async () => {
  const { sqlite } = fresh();
  const db = new Kysely<{ t: { k: string; n: number } }>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  const bump = (k: string) => db.updateTable('t').set((eb) => ({ n: eb('n', '+', 1) })).where('k', '=', k).returningAll().executeTakeFirst();
  await db.insertInto('t').values([{ k: 'a', n: 0 }, { k: 'b', n: 10 }]).execute();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('t').set({ n: 5 }).where('k', '=', 'a').execute();
  });
  expect(await bump('a')).toEqual({ k: 'a', n: 6 });
  expect(await bump('b')).toEqual({ k: 'b', n: 11 });
  const row = () => db.selectFrom('t').selectAll().where('k', '=', 'a').executeTakeFirst();
  expect(await row()).toEqual({ k: 'a', n: 6 });
  await sql`alter table t add column note text default 'x'`.execute(db);
  // A cached "select *" sees the new column: SQLite recompiles it after a schema change.
  expect(await row()).toEqual({ k: 'a', n: 6, note: 'x' });
  await db.destroy();
});

it('keeps statements with more parameters than its bound only up to a total of parameters', () => {
  const { sqlite, prepare } = fresh();
  const db = cachingStatements(sqlite, { maxParameters: 4, largeParameters: 18 });
  const insert = (rows: number) => `insert into t (k, n) values ${Array.from({ length: rows }, () => '(?, ?)').join(', ')}`;
  let k = 0;
  const run = (rows: number) => db.prepare(insert(rows)).run(Array.from({ length: rows }, () => [`k${k}`, k++]).flat());
  run(2);
  run(2);
  expect(prepare).toHaveBeenCalledTimes(1);
  run(3);
  run(4);
  run(4);
  run(3);
  expect(prepare).toHaveBeenCalledTimes(3);
  run(5); // 6 + 8 + 10 parameters: evicts the 4-row insert, not the 3-row one used since
  run(3);
  expect(prepare).toHaveBeenCalledTimes(4);
  run(4);
  expect(prepare).toHaveBeenCalledTimes(5);
  run(10); // 20 parameters: never kept, and pushes nothing out
  run(10);
  run(3);
  run(4);
  expect(prepare).toHaveBeenCalledTimes(7);
  // The large ones never push out the small ones.
  db.prepare('select count(*) as c from t');
  run(6);
  run(7);
  expect(db.prepare('select count(*) as c from t').all([])).toEqual([{ c: k }]);
  expect(prepare).toHaveBeenCalledTimes(10);
});

it('tells how long each commit took, and commits', async () => {
  const { sqlite } = fresh();
  const commits: number[] = [];
  const db = new Kysely<{ t: { k: string; n: number } }>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite, { onCommit: (ms) => commits.push(ms) }) }) });
  await db.transaction().execute((trx) => trx.insertInto('t').values({ k: 'a', n: 1 }).execute());
  await db.insertInto('t').values({ k: 'b', n: 2 }).execute();
  await expect(db.transaction().execute(async (trx) => {
    await trx.insertInto('t').values({ k: 'c', n: 3 }).execute();
    throw new Error('rolled back');
  })).rejects.toThrow('rolled back');
  expect(commits).toHaveLength(1);
  expect(commits[0]).toBeGreaterThanOrEqual(0);
  expect(sqlite.inTransaction).toBe(false);
  expect(sqlite.prepare('select k from t order by k').pluck().all()).toEqual(['a', 'b']);
  await db.destroy();
});
