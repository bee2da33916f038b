import type pg from 'pg';

type Result = pg.QueryResult;

/**
 * A pg client that sends a transaction's BEGIN with its first statement when it can:
 * Kysely begins every transaction with a `begin` of its own, a round trip before any
 * work, and an ingest batch on PostgreSQL is otherwise five round trips (BEGIN, key
 * version, dedup update, writes, COMMIT) that the next batch waits behind.
 *
 * `begin` is held back; if the next query has no parameters, both go as one simple-query
 * message (`begin;` then the query), answered by the query's result; with parameters
 * (the extended protocol takes one statement at a time) the BEGIN is sent first, as
 * before. A COMMIT or ROLLBACK with the BEGIN still held sends nothing: no statement
 * ran. A failure of either statement fails that query, and Kysely rolls back as ever.
 * Only Kysely's plain `begin` is held (a `start transaction …` with settings is sent as
 * it is), and only through the promise form of `query` that Kysely uses (a callback or
 * a query object passes through).
 */
export function lazyBeginClient(Client: typeof pg.Client): typeof pg.Client {
  return class LazyBeginClient extends Client {
    private beginHeld = false;

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's overloads, passed through
    override query(...args: any[]): any {
      const [text, values, callback] = args as [unknown, unknown[] | undefined, unknown];
      if (typeof text !== 'string' || typeof values === 'function' || callback !== undefined) return super.query(...(args as Parameters<pg.Client['query']>));
      if (text === 'begin' && (values === undefined || values.length === 0)) {
        this.beginHeld = true;
        return Promise.resolve(completed('BEGIN'));
      }
      if (!this.beginHeld) return super.query(text, values);
      this.beginHeld = false;
      if (text === 'commit' || text === 'rollback') return Promise.resolve(completed(text === 'commit' ? 'COMMIT' : 'ROLLBACK'));
      if (values === undefined || values.length === 0) return (super.query(`begin;${text}`) as Promise<Result | Result[]>).then(lastOf);
      return (super.query('begin') as Promise<Result>).then(() => super.query(text, values));
    }
  };
}

function completed(command: string): Result {
  return { command, rowCount: null, rows: [], oid: 0, fields: [] };
}

/** A simple query of several statements answers with one result each. */
const lastOf = (result: Result | Result[]): Result => (Array.isArray(result) ? (result[result.length - 1] as Result) : result);
