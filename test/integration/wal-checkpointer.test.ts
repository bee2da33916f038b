import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { BackgroundCheckpoints } from '../../src/store/wal-checkpointer.js';

/** SQLite's write-ahead log copied into the database by a thread of its own (SQLite only: PostgreSQL has no such step). */
describe('checkpoints on a thread of their own', () => {
  let dir = '';
  let file = '';
  let sqlite: SQLite.Database;
  let checkpoints: BackgroundCheckpoints | null = null;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-wal-'));
    file = path.join(dir, 'vigil.db');
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.exec('create table t (id integer primary key, v blob)');
  });
  afterEach(async () => {
    await checkpoints?.stop();
    checkpoints = null;
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (rows: number) => {
    const statement = sqlite.prepare('insert into t (v) values (?)');
    sqlite.transaction(() => {
      for (let i = 0; i < rows; i++) statement.run(Buffer.alloc(1000, i));
    })();
  };
  const pages = (name: string) => Math.floor(statSync(name).size / 4096);
  const autocheckpoint = () => sqlite.pragma('wal_autocheckpoint', { simple: true });
  /** The writer never checkpoints by itself: only the thread (and the tails it hands back) can. */
  const never = 1_000_000;
  /** A commit that spent this long checkpointing starts the thread at once (see startShare). */
  const slowCommit = 60_000;

  it('starts only once commits spend more than their share of the time checkpointing', async () => {
    checkpoints = new BackgroundCheckpoints(sqlite, file, { windowMs: 1000, startShare: 0.01 });
    for (let i = 0; i < 100; i++) checkpoints.noteCommit(1);
    checkpoints.noteCommit(5);
    expect(checkpoints.running).toBe(false);
    expect(autocheckpoint()).toBe(1000);
    checkpoints.noteCommit(6);
    expect(checkpoints.running).toBe(true);
    expect(autocheckpoint()).toBe(4000);
  });

  it('copies the log into the database file while the writer does not', async () => {
    checkpoints = new BackgroundCheckpoints(sqlite, file, { everyMs: 10, backstopPages: never });
    checkpoints.noteCommit(slowCommit);
    const before = pages(file);
    for (let i = 0; i < 50; i++) insert(20);
    await vi.waitFor(() => expect(pages(file)).toBeGreaterThan(before + 200), { timeout: 10_000, interval: 20 });
  });

  it('keeps the log short under a steady stream of writes', async () => {
    checkpoints = new BackgroundCheckpoints(sqlite, file, { everyMs: 10, tailFrames: 200, backstopPages: never });
    checkpoints.noteCommit(slowCommit);
    const before = pages(file);
    insert(100);
    await vi.waitFor(() => expect(pages(file)).toBeGreaterThan(before), { timeout: 10_000, interval: 20 });
    // About 25,000 pages written, a transaction at a time with nothing in between but the
    // event loop's turn: without the writer copying the tails the log would hold them all.
    for (let i = 0; i < 5000; i++) {
      insert(20);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await checkpoints.stop();
    expect(pages(`${file}-wal`)).toBeLessThan(12_000);
  });

  it('stops when there is little left to copy, and the writer checkpoints by itself again', async () => {
    checkpoints = new BackgroundCheckpoints(sqlite, file, { everyMs: 10, windowMs: 100 });
    checkpoints.noteCommit(slowCommit);
    expect(checkpoints.running).toBe(true);
    await vi.waitFor(() => expect(checkpoints?.running).toBe(false), { timeout: 10_000, interval: 20 });
    await vi.waitFor(() => expect(autocheckpoint()).toBe(1000));
  });

  it("goes back to SQLite's own checkpoints for good when the thread fails", async () => {
    const errors: Error[] = [];
    checkpoints = new BackgroundCheckpoints(sqlite, path.join(dir, 'missing', 'vigil.db'), { onError: (err) => errors.push(err) });
    checkpoints.noteCommit(slowCommit);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    await vi.waitFor(() => expect(autocheckpoint()).toBe(1000));
    checkpoints.noteCommit(slowCommit);
    expect(checkpoints.running).toBe(false);
  });

  it("hands a server's checkpoints to the thread when its commits checkpoint", async () => {
    const database = openDatabase(`sqlite:${path.join(dir, 'server.db')}`, { checkpointInBackground: { startShare: 0 } });
    try {
      const { db } = database;
      const setting = async () => (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]?.wal_autocheckpoint;
      await sql`create table t (id integer primary key, v blob)`.execute(db);
      expect(await setting()).toBe(1000);
      // Each transaction takes the log past SQLite's 1,000 pages: its commit checkpoints
      // thousands of pages, far beyond the 2 ms that tells a checkpointing commit.
      for (let i = 0; i < 3 && (await setting()) === 1000; i++) {
        await db.transaction().execute(async (trx) => {
          for (let row = 0; row < 5000; row++) await sql`insert into t (v) values (zeroblob(1000))`.execute(trx);
        });
      }
      expect(await setting()).toBe(4000);
    } finally {
      await database.close();
    }
  });
});
