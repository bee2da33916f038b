import type { Logger } from 'pino';
import { PollingLoop } from '../engine/polling-loop.js';
import type { Clock } from '../kernel/clock.js';
import { alertCoverageGaps, GAP_SCAN_INTERVAL, type GapAlertDeps } from './gap-alerts.js';

/**
 * Scans the schedules policies page through for coverage gaps ahead, each once a day
 * (the first pass right after start), and tells the teams' managers. Every node runs it:
 * the daily scan of a schedule is claimed in the database, so one node does it.
 */
export class GapAlertLoop extends PollingLoop {
  constructor(private readonly deps: GapAlertDeps & { clock: Clock; logger: Logger; wakeEngine: () => void }) {
    super({ clock: deps.clock, logger: deps.logger, name: 'coverage-gap alerts' });
  }

  /** One pass now, serialised with the loop's own passes. */
  runOnce(): Promise<void> {
    return this.serialisedPass();
  }

  protected async pass(): Promise<void> {
    const scanned = await alertCoverageGaps(this.deps, this.deps.clock.now());
    // The notices are due now: the engine's dispatcher sends them.
    if (scanned > 0) this.deps.wakeEngine();
  }

  protected sleepMs(): Promise<number> {
    return Promise.resolve(GAP_SCAN_INTERVAL);
  }
}
