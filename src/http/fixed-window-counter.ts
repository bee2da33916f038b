import { RetryLaterError } from '../core/errors.js';

/**
 * Counts events per key in fixed windows, in memory (per node). Enough to blunt floods
 * and password guessing; a cluster-wide limit would need the database.
 */
export class FixedWindowCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  private current(key: string, now: number): { start: number; count: number } | undefined {
    const w = this.windows.get(key);
    return w && now - w.start < this.windowMs ? w : undefined;
  }

  /** Counts one event; true while the key is within its limit (the counter's, or one of its own). */
  take(key: string, now: number, limit = this.limit): boolean {
    const w = this.current(key, now);
    if (w) {
      w.count += 1;
      return w.count <= limit;
    }
    // Expired windows are dropped only when the map grows large: cheap and bounded.
    if (this.windows.size >= this.maxKeys) {
      for (const [k, v] of this.windows) if (now - v.start >= this.windowMs) this.windows.delete(k);
    }
    this.windows.set(key, { start: now, count: 1 });
    return limit >= 1;
  }

  /** True when the key has used up its window, without counting anything. */
  exhausted(key: string, now: number): boolean {
    return (this.current(key, now)?.count ?? 0) >= this.limit;
  }

  /** Milliseconds until the key's current window ends (0 when none is open). */
  msUntilReset(key: string, now: number): number {
    const w = this.current(key, now);
    return w ? w.start + this.windowMs - now : 0;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }
}

/** Refuses with 429 rate_limited and Retry-After (whole seconds) while the key's window is used up. */
export function assertWithinLimit(counter: FixedWindowCounter, key: string, now: number, detail: string): void {
  if (counter.exhausted(key, now)) throw new RetryLaterError('rate_limited', detail, Math.max(1, Math.ceil(counter.msUntilReset(key, now) / 1000)));
}
