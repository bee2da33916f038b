import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Clock, TestClock } from '../kernel/clock.js';
import type { Config } from '../app/config.js';
import type { Message } from '../channels/channel.js';
import type { LoopStatus } from '../kernel/loop-status.js';
import type { Database } from '../store/database.js';
import type { ContactKind } from '../store/schema.js';

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
  /** Tells the check scheduler that a checked monitor was created or changed. */
  wakeScheduler: () => void;
  /** Sends a message straight through a channel (verification codes: the user is waiting). */
  sendDirect: (kind: ContactKind, message: Message) => Promise<void>;
  /** The background loops of this node, for /healthz. */
  loops: () => LoopStatus[];
  /** This node's metrics, shared with the engine and the check scheduler. */
  registry: Registry;
  /** Told about every event the integration endpoints accept. */
  onIngest: (source: string, action: string) => void;
}
