import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { createRequire } from 'node:module';
import type pg from 'pg';
import type { DB } from './schema.js';
import { lazyBeginClient } from './postgres-lazy-begin.js';
import { cachingStatements } from './sqlite-statement-cache.js';
import { BackgroundCheckpoints, type CheckpointOptions } from './wal-checkpointer.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

// The driver takes ~3 MiB of heap once loaded: a server on SQLite never loads it. Loaded
// synchronously so that opening a database stays synchronous.
const load = createRequire(import.meta.url);
let driver: typeof pg | null = null;
function postgresDriver(): typeof pg {
  if (!driver) {
    driver = load('pg') as typeof pg;
    // BIGINT (epoch ms) comes back from pg as a string by default; our values stay far
    // below 2^53, so numbers are exact.
    driver.types.setTypeParser(driver.types.builtins.INT8, (v) => Number.parseInt(v, 10));
  }
  return driver;
}

export interface OpenOptions {
  /** A long-running server's: under heavy writes SQLite's log is copied into the database by a thread of its own (wal-checkpointer.ts). */
  checkpointInBackground?: CheckpointOptions;
}

/** Opens `sqlite:<file>` (or `sqlite::memory:`) or `postgres://…`. */
export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // A statement that changes more than 16 pages inside a transaction (an alert storm's
    // many-row insert splitting pages) otherwise keeps their old contents in a temporary
    // file, created and deleted again: 34 files a second in the alert-storm benchmark.
    sqlite.pragma('temp_store = MEMORY');
    // better-sqlite3 waits for a lock synchronously, stalling the event loop: keep the wait short
    // and let the loops retry (an outside process holding the write lock is an outage).
    sqlite.pragma('busy_timeout = 2000');
    const checkpoints = options.checkpointInBackground && file !== ':memory:' ? new BackgroundCheckpoints(sqlite, path.resolve(file), options.checkpointInBackground) : null;
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite, { onCommit: checkpoints?.noteCommit }) }) });
    return {
      db,
      dialect: 'sqlite',
      close: async () => {
        await checkpoints?.stop();
        await db.destroy();
      },
    };
  }
  // A server that does not answer (host down, network partition) fails a query in 5 s instead of hanging it.
  const { Pool, Client } = postgresDriver();
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000, Client: lazyBeginClient(Client) });
  // A connection dropped by the server (restart, failover, pg_terminate_backend) must not
  // crash the process. The pool handles errors of idle connections; a checked-out one
  // between two queries (inside a transaction, say) emits 'error' on the client itself.
  // Either way the next query fails with a connection error that the caller retries, and
  // the pool discards the broken connection when it is released.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** True for a UNIQUE constraint violation on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** True when a row is still referenced by another (FOREIGN KEY ... RESTRICT). */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  // SQLite reports an ON DELETE RESTRICT refusal as a trigger constraint; Vigil's own triggers (migration 0016) never raise.
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === 'SQLITE_CONSTRAINT_TRIGGER';
}
