import type { Logger } from 'pino';
import type { Clock, TestClock } from '../app/clock.js';
import type { Config } from '../app/config.js';
import type { Database } from '../store/database.js';

/** What the HTTP layer needs from the outside world; tests build it with a fresh database. */
export interface HttpDeps {
  config: Config;
  database: Database;
  clock: Clock;
  /** Present only in test mode: enables /api/v1/test/clock. */
  testClock: TestClock | null;
  logger: Logger;
  /** Tells the engine that work may be due now (a new incident, an action, a test page). */
  wakeEngine: () => void;
}
