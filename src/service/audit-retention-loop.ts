import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { PollingLoop } from '../engine/polling-loop.js';
import type { Clock } from '../kernel/clock.js';
import { pruneAudit } from '../store/audit.js';
import { KEPT_ALERTS, trimAlerts } from '../store/incident-alerts.js';
import { pruneRuleKeys } from '../store/event-rules.js';
import type { DB } from '../store/schema.js';

/** Retention is counted in days: pruning once an hour keeps the log within an hour of it. */
const INTERVAL_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/**
 * Deletes audit log entries older than the retention (VIGIL_AUDIT_RETENTION_DAYS), all
 * but the newest alerts of incidents that received more than KEPT_ALERTS, and the keys
 * event rules gave alerts no longer open, a day on.
 */
export class AuditRetentionLoop extends PollingLoop {
  constructor(private readonly deps: { db: Kysely<DB>; retentionDays: number; clock: Clock; logger: Logger }) {
    super({ clock: deps.clock, logger: deps.logger, name: 'audit retention' });
  }

  /** One pruning pass now, serialised with the loop's own passes. */
  runOnce(): Promise<void> {
    return this.serialisedPass();
  }

  protected async pass(): Promise<void> {
    // Every node prunes: the delete is idempotent, and cheap once the old rows are gone.
    const pruned = await pruneAudit(this.deps.db, this.deps.clock.now() - this.deps.retentionDays * DAY_MS);
    if (pruned > 0) this.deps.logger.info({ pruned }, 'pruned old audit log entries');
    const trimmed = await trimAlerts(this.deps.db);
    if (trimmed > 0) this.deps.logger.info({ trimmed, kept: KEPT_ALERTS }, 'trimmed the alerts of incidents that received more than are kept');
    const forgotten = await pruneRuleKeys(this.deps.db, this.deps.clock.now() - DAY_MS);
    if (forgotten > 0) this.deps.logger.info({ forgotten }, 'forgot the dedup keys event rules gave alerts that are no longer open');
  }

  protected sleepMs(): Promise<number> {
    return Promise.resolve(INTERVAL_MS);
  }
}
