import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeAtomically, writeEach } from '../../src/store/atomic-writes.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { ignoreDuplicatesOf, insertRows } from '../../src/store/row-inserts.js';
import type { DB } from '../../src/store/schema.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

// A table of the schema's shape (chat_messages), its message_ref unique: duplicates to ignore.
type Row = Omit<DB['chat_messages'], 'receipt_poll_at'>;
const row = (n: number, ref = `ref-${n}`): Row => ({
  id: `m${String(n).padStart(3, '0')}`,
  provider: 'slack',
  incident_id: 'i1',
  address: `C${n}`,
  message_ref: ref,
  user_id: null,
  shown_state: 'triggered:high:1',
  shown_seq: n,
  next_sync_at: 1_000 + n,
  attempts: 0,
  created_at: 2_000 + n,
});

describeEachDatabase('row inserts: prepared per number of rows', (dialect) => {
  let db: TestDatabase;
  let database: Database;
  let k: Kysely<DB>;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    database = openDatabase(db.url);
    k = database.db;
    // Only the table: no foreign keys to satisfy.
    await sql`create table chat_messages (id text primary key, provider text not null, incident_id text not null, address text not null, message_ref text not null unique, user_id text, shown_state text not null, shown_seq integer not null, next_sync_at bigint, attempts integer not null, created_at bigint not null)`.execute(k);
  });

  afterAll(async () => {
    await database?.close();
    await db?.drop();
  });

  const all = async () => (await k.selectFrom('chat_messages').selectAll().orderBy('id').execute()).map((r) => ({ ...r, next_sync_at: Number(r.next_sync_at), created_at: Number(r.created_at) }));

  it('inserts what the built statement inserts, for batches of every size, alone and atomically', async () => {
    const written: Row[] = [];
    let n = 0;
    for (const size of [1, 3, 3, 1, 7, 3]) {
      const rows = Array.from({ length: size }, () => row(n++));
      await writeEach(k, [insertRows('chat_messages', rows)]);
      written.push(...rows);
      expect(await all()).toEqual(written);
    }
    // Atomically: on PostgreSQL one statement, planned per combination of the writes' row counts.
    for (const [first, second] of [[1, 1], [2, 3], [1, 1], [2, 3], [3, 2]] as const) {
      const more = Array.from({ length: first + second }, () => row(n++));
      await writeAtomically(k, [insertRows('chat_messages', more.slice(0, first)), insertRows('chat_messages', more.slice(first))]);
      written.push(...more);
      expect(await all()).toEqual(written);
    }
    // With a write that is not planned (an expression), the statement is built.
    const mixed = [row(n++), { ...row(n++), shown_seq: sql<number>`40 + 2` } as unknown as Row];
    await writeAtomically(k, [insertRows('chat_messages', mixed.slice(0, 1)), insertRows('chat_messages', mixed.slice(1))]);
    written.push(...mixed);
    expect((await all()).map((r) => r.shown_seq)).toEqual([...written.slice(0, -1).map((r) => r.shown_seq), 42]);
  });

  it('writes nothing of a planned statement whose last insert fails, and the plan still writes afterwards', async () => {
    const before = await all();
    // The second insert repeats a message_ref: the statement (PostgreSQL) or the transaction (SQLite) fails whole.
    await expect(writeAtomically(k, [insertRows('chat_messages', [row(800)]), insertRows('chat_messages', [row(801, 'ref-0')])])).rejects.toThrow();
    expect(await all()).toEqual(before);
    await writeAtomically(k, [insertRows('chat_messages', [row(802)]), insertRows('chat_messages', [row(803)])]);
    expect((await all()).map((r) => r.id).slice(-2)).toEqual(['m802', 'm803']);
  });

  it('ignores duplicates of the column it is given, as the built statement does', async () => {
    const before = await all();
    await writeEach(k, [insertRows('chat_messages', [row(900, 'ref-0'), row(901, 'fresh')], ignoreDuplicatesOf('message_ref'))]);
    expect((await all()).map((r) => r.id)).toEqual([...before.map((r) => r.id), 'm901']);
    await expect(writeEach(k, [insertRows('chat_messages', [row(902, 'fresh')])])).rejects.toThrow();
  });

  it('inserts rows of differing columns or with an expression as built', async () => {
    const write = insertRows('chat_messages', [row(910), { ...row(911), shown_seq: sql<number>`40 + 2` } as unknown as Row]);
    expect(write.planned).toBeUndefined();
    await writeEach(k, [write]);
    expect((await all()).find((r) => r.id === 'm911')?.shown_seq).toBe(42);
    expect(insertRows('chat_messages', [row(912), { ...row(913), user_id: undefined } as unknown as Row]).planned).toBeUndefined();
    expect(insertRows('chat_messages', [row(914)]).planned).toBeDefined();
  });
});
