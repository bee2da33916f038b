import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation, type Database } from './database.js';
import { isDatabaseUnavailable, isLockConflict } from './database-fault.js';
import type { DB } from './schema.js';
import { transact } from './transact.js';

/** Writes that run inside a transaction they are given, and must not open another. */
export type Work<T> = (trx: Transaction<DB>) => Promise<T>;

/**
 * Writes of one kind that are cheaper done together (a statement for many rows): given
 * items in arrival order, it answers each, in order, as if they had run one by one.
 */
export type MergedWork<I, T> = (trx: Transaction<DB>, items: I[]) => Promise<T[]>;

/**
 * Merged writes that are atomic by themselves: given the database rather than a
 * transaction, they write in one statement (PostgreSQL's data-modifying WITH) or open
 * their own transaction. Given a transaction (a batch that mixes kinds) they write in it.
 */
export type AtomicWork<I, T> = (db: Kysely<DB>, items: I[]) => Promise<T[]>;

interface Waiting {
  work: Work<unknown>;
  /** Set for a merged write: consecutive ones with the same function run together. */
  merged?: { work: MergedWork<unknown, unknown>; item: unknown; atomic?: never } | { work: AtomicWork<unknown, unknown>; item: unknown; atomic: true };
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: writes that arrive while a transaction is under way wait for it, then
 * share the next one, up to `maxBatch` at a time. Each caller's promise settles after
 * the commit that holds its write, so an answer sent on it never claims what a crash
 * could still undo. A lone write waits only for the current turn of the event loop:
 * batching only ever happens under load, where a commit per write (and on PostgreSQL a
 * round trip per BEGIN and COMMIT) is what caps throughput. Writes are taken in arrival
 * order, so writes about one thing keep their order.
 *
 * Each kind of writer (ingest, engine, page outcomes) gets its group commit from
 * `groupCommitOf`: one per kind on PostgreSQL, one for all of them on SQLite.
 *
 * A transaction stops taking writes after `maxBatchMs` and leaves the rest to the next
 * one: on SQLite everything else (the engine sending pages, the API) waits for the one
 * connection, so a batch of slow writes must not hold it for long.
 *
 * A batch is all or nothing, so one failing write would fail its neighbours: when a
 * batch fails for any reason other than an unusable database, each of its writes is run
 * again alone, and only the one at fault fails.
 */
export class GroupCommit {
  private queue: Waiting[] = [];
  private draining = false;

  constructor(
    private readonly database: Database,
    private readonly limits: { maxBatch: number; maxBatchMs: number } = { maxBatch: 100, maxBatchMs: 10 },
  ) {}

  run<T>(work: Work<T>): Promise<T> {
    return this.enqueue({ work });
  }

  /**
   * Like run, but next to other items of the same `work` in the batch it runs once for
   * all of them. Alone (a batch that failed is retried write by write) it gets just `item`.
   */
  runMerged<I, T>(work: MergedWork<I, T>, item: I): Promise<T> {
    return this.enqueue({
      work: async (trx) => (await work(trx, [item]))[0] as T,
      merged: { work: work as MergedWork<unknown, unknown>, item },
    });
  }

  /**
   * Like runMerged, for writes atomic by themselves: a batch of only these runs without
   * BEGIN and COMMIT, which on PostgreSQL are two of the batch's round trips.
   */
  runAtomic<I, T>(work: AtomicWork<I, T>, item: I): Promise<T> {
    return this.enqueue({
      work: async (trx) => (await work(trx, [item]))[0] as T,
      merged: { work: work as AtomicWork<unknown, unknown>, item, atomic: true },
    });
  }

  private enqueue<T>(write: Pick<Waiting, 'work' | 'merged'>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ ...write, resolve: resolve as (value: unknown) => void, reject });
      if (this.draining) return;
      this.draining = true;
      // better-sqlite3 runs a whole transaction inside one turn of the event loop, so
      // without this pause no other request could ever join it: every write would commit
      // alone. Requests read in the same turn get here before the pause ends.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.limits.maxBatch));
    } finally {
      this.draining = false;
    }
  }

  private async commit(taken: Waiting[]): Promise<void> {
    let batch = taken;
    const first = batch[0] as Waiting;
    if (first.merged?.atomic && mergedRun(batch, 0).length === batch.length) {
      try {
        const results = await first.merged.work(this.database.db, batch.map((w) => w.merged?.item));
        results.forEach((result, i) => batch[i]?.resolve(result));
        return;
      } catch (err) {
        // Alone and not a lock conflict, running it again in a transaction would fail the same way.
        if (isDatabaseUnavailable(err) || (batch.length === 1 && !isLockConflict(err))) {
          for (const waiting of batch) waiting.reject(err);
          return;
        }
      }
    } else if (batch.length > 1) {
      let attempted = 0;
      try {
        const started = performance.now();
        // Not transact(): a batch that fails for any reason runs each write again alone (below), each through transact().
        // eslint-disable-next-line no-restricted-syntax
        const results = await this.database.db.transaction().execute(async (trx) => {
          const out: unknown[] = [];
          while (out.length < batch.length) {
            if (out.length > 0 && performance.now() - started >= this.limits.maxBatchMs) break;
            const run = mergedRun(batch, out.length);
            attempted += run.length;
            const first = run[0] as Waiting;
            if (first.merged) out.push(...(await first.merged.work(trx, run.map((w) => w.merged?.item))));
            else out.push(await first.work(trx));
          }
          return out;
        });
        results.forEach((result, i) => batch[i]?.resolve(result));
        this.queue.unshift(...batch.slice(results.length));
        return;
      } catch (err) {
        // A transaction that failed before its first write (BEGIN itself) still answers
        // the first one, so that every failing round settles at least one caller.
        const settled = Math.max(attempted, 1);
        this.queue.unshift(...batch.slice(settled));
        batch = batch.slice(0, settled);
        if (isDatabaseUnavailable(err)) {
          for (const waiting of batch) waiting.reject(err);
          return;
        }
      }
    }
    for (const waiting of batch) {
      await alone(this.database, waiting.work).then(waiting.resolve, waiting.reject);
    }
  }
}

const sqliteCommits = new WeakMap<Database, GroupCommit>();

/**
 * A writer's group commit. On PostgreSQL each writer has its own, on connections of its
 * own: four side by side for ingest made batches so small that new incidents cost 6 ms
 * of CPU each instead of 3.5 (alert-storm benchmark). On SQLite every writer takes turns
 * on the one connection anyway, so they share one: the engine's and the dispatcher's
 * writes join ingest's transactions instead of committing on their own, and a page's
 * outcome updates the same pages of the log its insert just wrote. New incidents that
 * page by webhook cost 3 % less CPU each (ingest-versus.ts, 14 rounds, 11 won). Writes
 * stay in arrival order, so an outcome landing between two triggers splits their
 * many-row statements in two; that costs part of what the saved commits save.
 */
export function groupCommitOf(database: Database): GroupCommit {
  if (database.dialect !== 'sqlite') return new GroupCommit(database);
  let commits = sqliteCommits.get(database);
  if (!commits) sqliteCommits.set(database, (commits = new GroupCommit(database)));
  return commits;
}

/** The writes from `start` that run together: consecutive merged writes of one kind, or one write. */
function mergedRun(batch: Waiting[], start: number): Waiting[] {
  const kind = batch[start]?.merged?.work;
  let end = start + 1;
  while (kind && end < batch.length && batch[end]?.merged?.work === kind) end++;
  return batch.slice(start, end);
}

/**
 * Runs one write in its own transaction (run again on a lock conflict). A unique
 * violation means another writer (a concurrent request, another node) committed the same
 * row first; a fresh transaction sees that row, so the write is tried again a few times
 * before it fails.
 */
export async function alone<T>({ db }: Database, work: Work<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await transact(db, work);
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}
