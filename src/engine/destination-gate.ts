import { systemClock } from '../kernel/clock.js';

export interface GateOptions {
  /** Sends in flight at once to one destination. */
  concurrency: number;
  /** Consecutive failures that open the circuit. */
  failuresToOpen: number;
  /** How long an open circuit refuses sends before letting one through to probe. */
  openMs: number;
}

export const gateDefaults: GateOptions = { concurrency: 32, failuresToOpen: 5, openMs: 30_000 };

export class CircuitOpenError extends Error {
  constructor(
    readonly destination: string,
    /** How long until the circuit lets a probe through (a duration: callers keep their own clock). */
    readonly retryInMs: number,
  ) {
    super(`${destination} is failing; sends to it are paused for ${Math.ceil(retryInMs / 1000)} s`);
  }
}

interface Destination {
  active: number;
  waiting: (() => void)[];
  failures: number;
  openUntil: number;
  probing: boolean;
}

/**
 * Keeps destinations apart: each one (a webhook host, Slack, the SMS provider…) gets a
 * few sends at a time and its own circuit breaker, so one that hangs or fails only
 * delays its own pages. An open circuit fails sends at once; after `openMs` one send
 * probes it, and success closes it again. Wall-clock time: the breaker protects this
 * process, whatever the test clock says.
 */
export class DestinationGate {
  private readonly destinations = new Map<string, Destination>();

  constructor(private readonly options: GateOptions = gateDefaults) {}

  /** Runs `send` when the destination has a free slot; `isOutage` says which errors count against its circuit. */
  async run<T>(key: string, send: () => Promise<T>, isOutage: (err: unknown) => boolean): Promise<T> {
    const d = this.destinationOf(key);
    await this.slot(d);
    try {
      const probe = this.admit(key, d);
      try {
        const result = await send();
        d.failures = 0;
        d.openUntil = 0;
        return result;
      } catch (err) {
        if (isOutage(err)) {
          d.failures++;
          if (d.failures >= this.options.failuresToOpen) d.openUntil = systemClock.now() + this.options.openMs;
        }
        throw err;
      } finally {
        if (probe) d.probing = false;
      }
    } finally {
      d.active--;
      d.waiting.shift()?.();
      if (d.active === 0 && d.waiting.length === 0 && d.failures === 0) this.destinations.delete(key);
    }
  }

  /** How long the circuit of `key` stays open (0 when closed or ready for a probe). */
  pausedFor(key: string): number {
    const d = this.destinations.get(key);
    if (!d || d.failures < this.options.failuresToOpen) return 0;
    return Math.max(0, d.openUntil - systemClock.now());
  }

  /** Throws CircuitOpenError while the circuit is open; true for the one probe let through when it half-opens. */
  private admit(key: string, d: Destination): boolean {
    if (d.failures < this.options.failuresToOpen) return false;
    const now = systemClock.now();
    if (now < d.openUntil || d.probing) throw new CircuitOpenError(key, Math.max(d.openUntil - now, 1_000));
    d.probing = true;
    return true;
  }

  private slot(d: Destination): Promise<void> {
    if (d.active < this.options.concurrency) {
      d.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      d.waiting.push(() => {
        d.active++;
        resolve();
      }),
    );
  }

  private destinationOf(key: string): Destination {
    let d = this.destinations.get(key);
    if (!d) {
      d = { active: 0, waiting: [], failures: 0, openUntil: 0, probing: false };
      this.destinations.set(key, d);
    }
    return d;
  }
}
