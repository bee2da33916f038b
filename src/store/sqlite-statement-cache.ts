import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { LruMap } from '../core/lru-map.js';
import { limitsAsExpressions } from './sqlite-limit-parameters.js';

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles SQL on every prepare:
 * about as much CPU as running a small statement. The texts repeat (values are bound
 * parameters), so compiled statements are kept by text, the least recently used dropped
 * beyond `size` (texts with `in (?, ?, …)` vary with the list's length).
 *
 * Statements with many parameters go to a second cache that holds up to `largeParameters`
 * parameters in all (a compiled statement's size grows with them): multi-row writes and
 * long `in` lists differ in length nearly every time when checks write their results in
 * batches of whatever came in, and keeping them all held hundreds of large compiled
 * statements in native memory, tens of MiB at 10,000 monitors, never used again. In an
 * alert storm, though, the ingest batches are the same few sizes again and again (as many
 * rows as open connections), and compiling their inserts each time cost a fortieth of
 * the main thread.
 *
 * A bound LIMIT or OFFSET is compiled as an expression (sqlite-limit-parameters.ts): as a
 * bare parameter SQLite would compile its statement again at every run.
 *
 * Reusing a statement is safe because Kysely runs one query at a time on SQLite's single
 * connection, so a statement is never re-entered while it is running.
 */
export function cachingStatements(sqlite: SQLite.Database, { size = 500, maxParameters = 100, largeParameters = 2_000, onCommit }: CacheOptions = {}): SqliteDatabase {
  const cache = new LruMap<string, SQLite.Statement>(size);
  const large = new LruMap<string, SQLite.Statement>(largeParameters, parameterCount);
  const commit = onCommit && timed(sqlite.prepare('commit'), onCommit);
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      if (commit && sql === 'commit') return commit;
      const kept = parameterCount(sql) <= maxParameters ? cache : large;
      let statement = kept.get(sql);
      if (!statement) {
        statement = sqlite.prepare(limitsAsExpressions(sql));
        kept.set(sql, statement);
      }
      return statement;
    },
  };
}

export interface CacheOptions {
  size?: number;
  maxParameters?: number;
  /** How many parameters the statements with more than `maxParameters` that are kept may have in all. */
  largeParameters?: number;
  /** Told how long each commit took (Kysely's transactions end with `commit`). */
  onCommit?: (ms: number) => void;
}

/** Kysely runs a statement that is no reader with run() alone. */
function timed(statement: SQLite.Statement, onRun: (ms: number) => void): SQLite.Statement {
  return {
    reader: false,
    run(...parameters: unknown[]) {
      const started = performance.now();
      try {
        return statement.run(...parameters);
      } finally {
        onRun(performance.now() - started);
      }
    },
  } as SQLite.Statement;
}

/** Kysely binds every value, so each `?` in its SQL is a parameter. */
function parameterCount(sql: string): number {
  let count = 0;
  for (let i = sql.indexOf('?'); i !== -1; i = sql.indexOf('?', i + 1)) count++;
  return count;
}
