import type { Logger } from 'pino';
import type { Clock } from '../kernel/clock.js';

/**
 * A loop over work that lives in the database: one pass over what is due, then a sleep
 * that new work, a stop, or a jump of the test clock cuts short. Passes are serialised,
 * so a test (or a stop) that awaits one knows any pass under way has finished too.
 */
export abstract class PollingLoop {
  private running = false;
  private pending = false;
  private wakeUp: (() => void) | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  private lastPass: Promise<void> = Promise.resolve();
  private unsubscribe: () => void = () => undefined;

  protected constructor(
    private readonly loop: { clock: Clock; logger: Logger; name: string },
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
    while (this.running) {
      this.pending = false;
      try {
        await this.serialisedPass();
      } catch (err) {
        this.loop.logger.error({ err }, `${this.loop.name} pass failed; retrying`);
      }
      if (!this.running || this.pending) continue;
      await this.sleep(await this.sleepMs());
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }
}
