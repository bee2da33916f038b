import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { GroupCommit, groupCommitOf, type AtomicWork, type MergedWork, type Work } from '../../src/store/group-commit.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

type Trx = Parameters<Work<unknown>>[0];

// Generous time limits: these tests count batches, which a slow machine must not change.
const limits = (maxBatch: number) => ({ maxBatch, maxBatchMs: 60_000 });

describeEachDatabase('group commit: concurrent writes share transactions', (dialect) => {
  let db: TestDatabase;
  let writer: Database;
  /** Another connection: it sees only what was committed. */
  let reader: Database;
  let transactions = 0;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    writer = openDatabase(db.url);
    reader = openDatabase(db.url);
    await sql`create table probe (k text primary key, n integer not null)`.execute(writer.db);
    const open = writer.db.transaction.bind(writer.db);
    writer.db.transaction = () => {
      transactions++;
      return open();
    };
  });

  afterAll(async () => {
    await writer?.close();
    await reader?.close();
    await db?.drop();
  });

  const insert = (k: string, n: number | null) => (trx: Trx) => sql`insert into probe (k, n) values (${k}, ${n})`.execute(trx).then(() => k);
  const committed = async (k: string) => (await sql<{ c: number }>`select count(*) as c from probe where k = ${k}`.execute(reader.db)).rows.map((r) => Number(r.c))[0];

  it('writes 40 concurrent writes in a few transactions, answering each only once another connection can read it', async () => {
    const commits = new GroupCommit(writer, limits(100));
    transactions = 0;
    const seenAtAnswer = await Promise.all(Array.from({ length: 40 }, (_, i) => commits.run(insert(`a${i}`, i)).then(committed)));
    expect(seenAtAnswer).toEqual(Array(40).fill(1));
    expect(transactions).toBeLessThanOrEqual(3);
  });

  it('lets writes from other callbacks of the same event-loop turn join the transaction', async () => {
    // Requests arrive as separate I/O callbacks. better-sqlite3 would run a whole
    // transaction before the next callback if the first write started it at once.
    const commits = new GroupCommit(writer, limits(100));
    transactions = 0;
    const answers = await new Promise<Promise<string>[]>((resolve) => {
      const started: Promise<string>[] = [];
      for (let i = 0; i < 20; i++) setImmediate(() => started.push(commits.run(insert(`t${i}`, i))) === 20 && resolve(started));
    });
    await Promise.all(answers);
    expect(transactions).toBe(1);
  });

  it('gives every writer one group commit on SQLite, whose transactions hold writes of several writers, and each its own on PostgreSQL', async () => {
    const [ingest, engine] = [groupCommitOf(writer), groupCommitOf(writer)];
    expect(ingest === engine).toBe(dialect === 'sqlite');
    const writersOf = new Map<Trx, Set<string>>();
    const tagged = (who: string, k: string) => (trx: Trx) => {
      writersOf.set(trx, (writersOf.get(trx) ?? new Set()).add(who));
      return insert(k, 1)(trx);
    };
    await Promise.all(Array.from({ length: 10 }, (_, i) => [ingest.run(tagged('ingest', `s${i}`)), engine.run(tagged('engine', `e${i}`))]).flat());
    const shared = [...writersOf.values()].filter((writers) => writers.size > 1);
    expect(shared.length > 0).toBe(dialect === 'sqlite');
    expect(await Promise.all(['s9', 'e9'].map(committed))).toEqual([1, 1]);
  });

  it('keeps batches to maxBatch writes', async () => {
    const commits = new GroupCommit(writer, limits(10));
    transactions = 0;
    await Promise.all(Array.from({ length: 41 }, (_, i) => commits.run(insert(`b${i}`, i))));
    expect(transactions).toBe(1 + 4);
    expect(await committed('b40')).toBe(1);
  });

  it('fails only the write at fault: its neighbours in the batch are committed', async () => {
    const commits = new GroupCommit(writer, limits(100));
    // c2 violates NOT NULL, which on PostgreSQL also aborts the whole transaction.
    const results = await Promise.allSettled(['c0', 'c1', 'c2', 'c3', 'c4'].map((k) => commits.run(insert(k, k === 'c2' ? null : 1))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await Promise.all(['c0', 'c1', 'c2', 'c3', 'c4'].map(committed))).toEqual([1, 1, 0, 1, 1]);
  });

  it('hands consecutive merged writes over together, in order, and each alone after a failure', async () => {
    const commits = new GroupCommit(writer, limits(100));
    const calls: string[][] = [];
    // Many rows in one statement; a null n fails the whole statement.
    const insertMany: MergedWork<[string, number | null], string> = async (trx, rows) => {
      calls.push(rows.map(([k]) => k));
      for (const [k, n] of rows) await insert(k, n)(trx);
      return rows.map(([k]) => `${k}!`);
    };
    const merged = (k: string, n: number | null = 1) => commits.runMerged(insertMany, [k, n]);
    // A plain write between merged ones splits them: writes keep their order.
    const answers = await Promise.all([merged('m0'), merged('m1'), commits.run(insert('m2', 1)), merged('m3'), merged('m4')]);
    expect(answers).toEqual(['m0!', 'm1!', 'm2', 'm3!', 'm4!']);
    expect(calls).toEqual([
      ['m0', 'm1'],
      ['m3', 'm4'],
    ]);

    calls.length = 0;
    const results = await Promise.allSettled([merged('n0'), merged('n1', null), merged('n2')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toEqual([['n0', 'n1', 'n2'], ['n0'], ['n1'], ['n2']]);
    expect(await Promise.all(['n0', 'n1', 'n2'].map(committed))).toEqual([1, 0, 1]);
  });

  it('runs a batch of atomic writes without a transaction around them, and each alone after a failure', async () => {
    const commits = new GroupCommit(writer, limits(100));
    const calls: [string[], boolean][] = [];
    // Atomic by itself: one statement for all its rows (a null n fails the statement).
    const insertAll: AtomicWork<[string, number | null], string> = async (db, rows) => {
      calls.push([rows.map(([k]) => k), db.isTransaction]);
      const values = rows.map(([k, n]) => sql`(${k}, ${n})`);
      await sql`insert into probe (k, n) values ${sql.join(values)}`.execute(db);
      return rows.map(([k]) => `${k}!`);
    };
    const atomic = (k: string, n: number | null = 1) => commits.runAtomic(insertAll, [k, n]);
    transactions = 0;
    expect(await Promise.all([atomic('p0'), atomic('p1'), atomic('p2')])).toEqual(['p0!', 'p1!', 'p2!']);
    expect(calls).toEqual([[['p0', 'p1', 'p2'], false]]);
    expect(transactions).toBe(0);
    expect(await Promise.all(['p0', 'p1', 'p2'].map(committed))).toEqual([1, 1, 1]);

    // A failed batch: each write again alone, in a transaction of its own.
    calls.length = 0;
    const results = await Promise.allSettled([atomic('q0'), atomic('q1', null), atomic('q2')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toEqual([
      [['q0', 'q1', 'q2'], false],
      [['q0'], true],
      [['q1'], true],
      [['q2'], true],
    ]);
    expect(await Promise.all(['q0', 'q1', 'q2'].map(committed))).toEqual([1, 0, 1]);

    // Beside another kind of write, it joins the batch's transaction.
    calls.length = 0;
    transactions = 0;
    await Promise.all([atomic('r0'), commits.run(insert('r1', 1)), atomic('r2')]);
    expect(calls).toEqual([
      [['r0'], true],
      [['r2'], true],
    ]);
    expect(transactions).toBe(1);
  });

  // Only where another node can write: on SQLite a node writes through one connection.
  if (dialect === 'postgres') it('runs a write again in a fresh transaction when another node committed its row first', async () => {
    const commits = new GroupCommit(writer, limits(100));
    let attempts = 0;
    // Inserts d0 unless it exists: the first attempt loses a race to another connection.
    const upsert = async (trx: Trx) => {
      attempts++;
      const present = (await sql<{ c: number }>`select count(*) as c from probe where k = 'd0'`.execute(trx)).rows.map((r) => Number(r.c))[0];
      if (present) return 'found';
      if (attempts === 1) await sql`insert into probe (k, n) values ('d0', 0)`.execute(reader.db);
      await sql`insert into probe (k, n) values ('d0', 1)`.execute(trx);
      return 'inserted';
    };
    expect(await commits.run(upsert)).toBe('found');
    expect(attempts).toBe(2);
  });

  it('ends a transaction after maxBatchMs, so other queries on the connection get their turn', async () => {
    const commits = new GroupCommit(writer, { maxBatch: 100, maxBatchMs: 20 });
    transactions = 0;
    let settled = 0;
    const slow = (k: string) => async (trx: Trx) => {
      await new Promise((r) => setTimeout(r, 5));
      return insert(k, 1)(trx);
    };
    const all = Promise.all(Array.from({ length: 60 }, (_, i) => commits.run(slow(`g${i}`)).then(() => settled++)));
    // Once the group is under way, through the writer's own connection: on SQLite this
    // waits for the transaction in progress, which must not be the whole group.
    await new Promise((r) => setTimeout(r, 15));
    await writer.db.selectFrom('probe' as never).select(sql<number>`count(*)`.as('c')).execute();
    expect(settled).toBeLessThan(60);
    await all;
    expect(await Promise.all(Array.from({ length: 60 }, (_, i) => committed(`g${i}`)))).toEqual(Array(60).fill(1));
    // 60 writes of 5 ms or more, at most about 20 ms of them per transaction.
    expect(transactions).toBeGreaterThanOrEqual(10);
  });

  it('answers every write, with the error, when transactions cannot even begin (database unreachable)', async () => {
    const unreachable = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const down = { ...writer, db: { transaction: () => ({ execute: () => Promise.reject(unreachable) }) } } as unknown as typeof writer;
    const commits = new GroupCommit(down, limits(100));
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => commits.run(insert(`h${i}`, i))));
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : r.status))).toEqual(Array(5).fill('ECONNREFUSED'));
  });
});
