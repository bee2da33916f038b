import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * The thread's code: a connection of its own and a PASSIVE checkpoint every `everyMs`,
 * reporting the pages each one copied. Once the log has reached `tailFrames` pages it
 * asks the writer to copy the rest (written meanwhile); after a long copy it first
 * checkpoints again at once, up to twice, so that the tail left to the writer is short.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file, { fileMustExist: true });
let timer;
let backfilled = 0;
let chases = 0;
const checkpoint = () => {
  const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
  const copied = checkpointed >= backfilled ? checkpointed - backfilled : checkpointed;
  backfilled = checkpointed;
  const chase = copied > 0 && log >= workerData.tailFrames && copied >= workerData.chaseFrames && chases < 2;
  parentPort.postMessage({ copied, tail: copied > 0 && log >= workerData.tailFrames && !chase });
  if (chase) {
    chases++;
    return void (timer = setTimeout(checkpoint, 0));
  }
  chases = 0;
  timer = setTimeout(checkpoint, workerData.everyMs);
};
parentPort.once('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
checkpoint();
`;

export interface CheckpointOptions {
  everyMs?: number;
  /** The log's size, in pages, above which the writer copies what a checkpoint left. */
  tailFrames?: number;
  /** The writer's own automatic checkpoint while the thread runs, should it fall behind. */
  backstopPages?: number;
  /** The share of time the writer may spend in its own checkpoints before a thread takes them over. */
  startShare?: number;
  /** Over how long that share, and the thread's work, are judged. */
  windowMs?: number;
  /** Told when the thread fails (the connection then checkpoints by itself for good). */
  onError?: (err: Error) => void;
}

/** A commit this long has SQLite checkpointing inside it; an ordinary one takes a fraction of a millisecond. */
const CHECKPOINTING_COMMIT_MS = 2;
/** SQLite's own automatic checkpoint, in pages. */
const SQLITE_DEFAULT_PAGES = 1000;

/**
 * By default SQLite copies the write-ahead log into the database file inside the commit
 * that takes the log past 1,000 pages, syncing both files to disk on the way: the whole
 * server waits for the disk. In the alert storm benchmark one commit in 35 did this, for
 * 9 ms each (two thirds of it waiting for the disk), about a tenth of the main thread's
 * time; on a slow network volume each would take longer still.
 *
 * When the writer's commits spend more than `startShare` of the time checkpointing, a
 * thread of its own takes the checkpoints over, with PASSIVE checkpoints, which never
 * block the writer or a reader. SQLite starts the log over only when a write begins with
 * the whole log copied, which under a steady stream of writes a checkpoint on another
 * thread almost never achieves: the frames written while it ran are left. So after a
 * checkpoint of a large log the writer copies that short tail itself and the log
 * restarts; the writer's automatic checkpoint stays on at `backstopPages`.
 *
 * The thread costs about 9 MiB of memory, so it stops again once it has copied fewer
 * pages in a window than would make the writer checkpoint once (a server checking
 * 10,000 monitors writes far less than that: it never needs the thread).
 */
export class BackgroundCheckpoints {
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private failed = false;
  private windowStart = 0;
  private stalledMs = 0;
  private copied = 0;
  private readonly options: Required<Omit<CheckpointOptions, 'onError'>> & Pick<CheckpointOptions, 'onError'>;

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly file: string,
    options: CheckpointOptions = {},
  ) {
    this.options = { everyMs: 250, tailFrames: 1000, backstopPages: 4000, startShare: 0.01, windowMs: 10_000, ...options };
  }

  get running(): boolean {
    return this.worker !== null;
  }

  /** The writer's commit took `ms`. */
  readonly noteCommit = (ms: number): void => {
    if (this.worker || this.failed || ms < CHECKPOINTING_COMMIT_MS) return;
    const now = performance.now();
    if (now - this.windowStart > this.options.windowMs) {
      this.windowStart = now;
      this.stalledMs = 0;
    }
    this.stalledMs += ms;
    if (this.stalledMs > this.options.windowMs * this.options.startShare) this.start();
  };

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      // Unreferenced, it would let a process with nothing else to do exit before it has.
      worker.ref();
      worker.postMessage('stop');
    }
    await this.exited;
  }

  private start(): void {
    const { everyMs, tailFrames, backstopPages, windowMs } = this.options;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER, { eval: true, workerData: { driver, file: this.file, everyMs, tailFrames, chaseFrames: 100 } });
    this.worker = worker;
    worker.unref();
    this.sqlite.pragma(`wal_autocheckpoint = ${backstopPages}`);
    this.windowStart = performance.now();
    this.copied = 0;
    worker.on('message', ({ copied, tail }: { copied: number; tail: boolean }) => {
      if (tail) this.copyTail();
      this.copied += copied;
      const now = performance.now();
      if (now - this.windowStart < windowMs) return;
      if (this.copied < SQLITE_DEFAULT_PAGES) void this.stop();
      this.windowStart = now;
      this.copied = 0;
    });
    worker.on('error', (err) => {
      this.failed = true;
      this.options.onError?.(err);
    });
    this.exited = new Promise<void>((resolve) =>
      worker.once('exit', () => {
        if (this.worker === worker) this.worker = null;
        if (this.sqlite.open) this.sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
        this.windowStart = 0;
        this.stalledMs = 0;
        resolve();
      }),
    );
  }

  private copyTail(): void {
    try {
      this.sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Refused between two statements of a transaction that awaits something else
      // (SQLITE_LOCKED); the next tail, or the backstop, copies it instead.
    }
  }
}
