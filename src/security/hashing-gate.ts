import { RetryLaterError } from '../core/errors.js';

/**
 * Caps password hashes in flight. Each scrypt takes tens of milliseconds of a core and
 * 32 MiB: unbounded, a burst of logins (or a spraying attacker) starves every other
 * request. A few run at once, a bounded queue waits, and beyond it callers are told to
 * come back (503 + Retry-After) instead of piling up memory.
 */
export class HashingGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) {
        throw new RetryLaterError('unavailable', 'Too many password checks at once; retry in a moment', 1);
      }
      // The slot is handed over by the finishing caller, so `running` never dips in between.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }
}
