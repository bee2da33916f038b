import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles SQL on every prepare:
 * about as much CPU as running a small statement. The texts repeat (values are bound
 * parameters), so compiled statements are kept by text, the least recently used dropped
 * beyond `size` (texts with `in (?, ?, …)` vary with the list's length).
 *
 * Reusing a statement is safe because Kysely runs one query at a time on SQLite's single
 * connection, so a statement is never re-entered while it is running.
 */
export function cachingStatements(sqlite: SQLite.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement) {
        // Map keeps insertion order: re-inserting marks it the most recently used.
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
