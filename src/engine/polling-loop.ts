import type { Logger } from 'pino';
import { systemClock, type Clock } from '../kernel/clock.js';
import type { LoopStatus } from '../kernel/loop-status.js';
import { backoffDelay } from './backoff.js';

/**
 * A loop over work that lives in the database: one pass over what is due, then a sleep
 * that new work, a stop, or a jump of the test clock cuts short. Passes are serialised,
 * so a test (or a stop) that awaits one knows any pass under way has finished too.
 *
 * The loop never exits on an error (a database outage, a full disk, a lost connection):
 * it retries with capped backoff, logs once when an outage starts and once when it ends,
 * and reports itself unhealthy meanwhile.
 */
export abstract class PollingLoop {
  private running = false;
  private pending = false;
  private wakeUp: (() => void) | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  private lastPass: Promise<void> = Promise.resolve();
  private unsubscribe: () => void = () => undefined;
  private failures = 0;
  private failingSince: number | null = null;
  private lastError: string | null = null;

  protected constructor(
    private readonly loop: {
      clock: Clock;
      logger: Logger;
      name: string;
      /**
       * A pass that new work asks for starts at least this long after the previous one
       * started, so that a burst of wakes (an alert storm wakes the engine per incident)
       * shares passes instead of paying a pass's queries each.
       */
      wakeGapMs?: number;
    },
  ) {}

  /** One pass over everything due now. */
  protected abstract pass(): Promise<void>;
  /** How long to sleep after a pass. */
  protected abstract sleepMs(): Promise<number>;

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.loop.clock.onChange(() => this.wake());
    this.loopDone = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe();
    this.wake();
    await this.loopDone;
  }

  status(): LoopStatus {
    return { name: this.loop.name, healthy: this.failures === 0, failingSince: this.failingSince, reason: this.lastError };
  }

  /** New work may be due now: skip the rest of the current sleep. */
  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  protected serialisedPass(): Promise<void> {
    const pass = this.lastPass.then(() => this.pass());
    this.lastPass = pass.catch(() => undefined);
    return pass;
  }

  private async run(): Promise<void> {
    let lastStarted = -Infinity;
    while (this.running) {
      await this.sleep((this.loop.wakeGapMs ?? 0) - (performance.now() - lastStarted), false);
      if (!this.running) return;
      this.pending = false;
      lastStarted = performance.now();
      let delay: number;
      try {
        await this.serialisedPass();
        // Woken during the pass (an alert storm wakes the engine per incident): it passes
        // again at once, so the queries that work out how long to sleep would be wasted.
        delay = this.pending ? 0 : await this.sleepMs();
        this.recovered();
      } catch (err) {
        this.failed(err);
        delay = backoffDelay(this.failures);
      }
      if (!this.running || (this.pending && this.failures === 0)) continue;
      await this.sleep(delay);
    }
  }

  private failed(err: unknown): void {
    this.failures++;
    this.lastError = err instanceof Error ? err.message : String(err);
    if (this.failingSince !== null) return;
    // Real time: an outage is measured in the operator's seconds, not the test clock's.
    this.failingSince = systemClock.now();
    this.loop.logger.error({ err }, `${this.loop.name} is failing; retrying with backoff until it recovers`);
  }

  private recovered(): void {
    if (this.failingSince === null) return;
    const downMs = systemClock.now() - this.failingSince;
    this.loop.logger.warn({ downMs, attempts: this.failures }, `${this.loop.name} recovered`);
    this.failures = 0;
    this.failingSince = null;
    this.lastError = null;
  }

  /** Sleeps `ms`, cut short by a stop and, unless `wakes` is false (a pause), by a wake. */
  private sleep(ms: number, wakes = true): Promise<void> {
    // A pause already served needs no timer; a sleep of 0 still yields to the event loop.
    if (!wakes && ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        if (!wakes && this.running) return;
        this.wakeUp = null;
        done();
      };
    });
  }
}
