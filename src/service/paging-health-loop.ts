import type { Logger } from 'pino';
import { PollingLoop } from '../engine/polling-loop.js';
import type { Clock } from '../kernel/clock.js';
import { checkPagingHealth, type PagingHealthDeps } from './paging-health.js';

/** Schedules hand over and people change their contact methods at any time; a minute is soon enough to notice. */
const INTERVAL_MS = 60_000;

/** Runs the paging-health check over every policy once a minute (and when the test clock jumps). */
export class PagingHealthLoop extends PollingLoop {
  constructor(private readonly deps: PagingHealthDeps & { clock: Clock; logger: Logger }) {
    super({ clock: deps.clock, logger: deps.logger, name: 'paging health' });
  }

  /** One check now, serialised with the loop's own passes. */
  runOnce(): Promise<void> {
    return this.serialisedPass();
  }

  protected async pass(): Promise<void> {
    await checkPagingHealth(this.deps, this.deps.clock.now());
  }

  protected sleepMs(): Promise<number> {
    return Promise.resolve(INTERVAL_MS);
  }
}
