import type { Transaction } from 'kysely';
import { isUniqueViolation, type Database } from './database.js';
import { isDatabaseUnavailable } from './database-fault.js';
import type { DB } from './schema.js';

/** Writes that run inside a transaction they are given, and must not open another. */
export type Work<T> = (trx: Transaction<DB>) => Promise<T>;

/**
 * Writes of one kind that are cheaper done together (a statement for many rows): given
 * items in arrival order, it answers each, in order, as if they had run one by one.
 */
export type MergedWork<I, T> = (trx: Transaction<DB>, items: I[]) => Promise<T[]>;

interface Waiting {
  work: Work<unknown>;
  /** Set for a merged write: consecutive ones with the same function run together. */
  merged?: { work: MergedWork<unknown, unknown>; item: unknown };
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: writes that arrive while a transaction is under way wait for it, then
 * share the next one, up to `maxBatch` at a time. Each caller's promise settles after
 * the commit that holds its write, so an answer sent on it never claims what a crash
 * could still undo. A lone write runs at once: batching only ever happens under load,
 * where a commit per write (and on PostgreSQL a round trip per BEGIN and COMMIT) is what
 * caps throughput.
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
    if (batch.length > 1) {
      let attempted = 0;
      try {
        const started = performance.now();
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

/** The writes from `start` that run together: consecutive merged writes of one kind, or one write. */
function mergedRun(batch: Waiting[], start: number): Waiting[] {
  const kind = batch[start]?.merged?.work;
  let end = start + 1;
  while (kind && end < batch.length && batch[end]?.merged?.work === kind) end++;
  return batch.slice(start, end);
}

/**
 * Runs one write in its own transaction. A unique violation means another writer (a
 * concurrent request, another node) committed the same row first; a fresh transaction
 * sees that row, so the write is tried again a few times before it fails.
 */
export async function alone<T>({ db }: Database, work: Work<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}

/**
 * Group commits side by side, for PostgreSQL: one lane writes through one connection and
 * waits a round trip per statement, so a few lanes keep more of the pool busy. Writes with
 * the same key (an incident's monitor and dedup key) always take the same lane, so they
 * keep their order and never wait for each other's row locks across lanes.
 */
export class GroupCommitLanes {
  private readonly lanes: GroupCommit[];

  constructor(database: Database, lanes: number, limits?: ConstructorParameters<typeof GroupCommit>[1]) {
    this.lanes = Array.from({ length: Math.max(1, lanes) }, () => new GroupCommit(database, limits));
  }

  /** SQLite writes through one connection, so one lane; PostgreSQL's pool has ten, four of them for this. */
  static for(database: Database): GroupCommitLanes {
    return new GroupCommitLanes(database, database.dialect === 'postgres' ? 4 : 1);
  }

  run<T>(key: string, work: Work<T>): Promise<T> {
    return this.lane(key).run(work);
  }

  runMerged<I, T>(key: string, work: MergedWork<I, T>, item: I): Promise<T> {
    return this.lane(key).runMerged(work, item);
  }

  private lane(key: string): GroupCommit {
    return this.lanes[laneOf(key, this.lanes.length)] as GroupCommit;
  }
}

/** FNV-1a: a cheap, well-spread lane for a key (not a security boundary). */
function laneOf(key: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % lanes;
}
