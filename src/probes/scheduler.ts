import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { Clock } from '../kernel/clock.js';
import { advanceCheckState } from '../core/monitor/advance-check-state.js';
import { inMaintenance } from '../core/monitor/maintenance.js';
import { INITIAL_CHECK_STATE, checkSpecOf, type CheckKind, type CheckState, type CheckedConfig } from '../core/monitor/types.js';
import { HOUR } from '../core/time/units.js';
import { PollingLoop } from '../engine/polling-loop.js';
import { applyCheckEffects } from '../service/check-effects.js';
import { claimDueChecks, pruneCheckHistory, recordChecks, type CheckRecord, type ClaimedCheck } from '../store/checks.js';
import type { Database } from '../store/database.js';
import { isDatabaseUnavailable } from '../store/database-fault.js';
import type { Probe } from './probe.js';

export interface SchedulerDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  probe: Probe;
  /** Incidents were opened or resolved: the engine has pages to send. */
  wakeEngine: () => void;
  retention: { resultsDays: number; rollupsDays: number };
  /** Told about every finished check; the benchmark measures lateness with it. */
  onCheck?: (record: CheckRecord, scheduledAt: number) => void;
}

export interface SchedulerOptions {
  /** Checks in flight at once on this node. */
  concurrency: number;
  /** Results are written when this many are waiting, or `flushMs` after the last write. */
  flushSize: number;
  flushMs: number;
  /**
   * Due checks are claimed and started once per tick. Starting them in bursts costs far
   * less CPU than waking for each (a wake-up alone is ~0.2 ms here); a check starts at
   * most one tick late.
   */
  tickMs: number;
  /** Results kept in memory while the database cannot take them; the oldest go first beyond this. */
  maxBuffered: number;
}

const defaults: SchedulerOptions = { concurrency: 100, flushSize: 500, flushMs: 1000, tickMs: 1000, maxBuffered: 100_000 };

/** A monitor this node has been checking, so it can go on checking it while the database is away. */
interface Known {
  row: ClaimedCheck;
  nextAt: number;
  claimedAt: number;
}

/**
 * Runs checked monitors when they are due. Due times live in the database and are claimed
 * with SKIP LOCKED, so several nodes share the monitors and each check runs on one node.
 * Checks run side by side up to the concurrency limit; their results are written in
 * batches; incidents are opened and resolved right after the check that decides it.
 */
export class CheckScheduler extends PollingLoop {
  private readonly inFlight = new Set<Promise<void>>();
  private halfFree: (() => void) | null = null;
  private buffer: CheckRecord[] = [];
  /** States decided but not yet written: a monitor checked again before the write sees them. */
  private readonly unwritten = new Map<string, CheckState>();
  private flushing: Promise<void> = Promise.resolve();
  private lastFlushAt = performance.now();
  private lastPrunedAt = -Infinity;
  private readonly options: SchedulerOptions;
  private readonly known = new Map<string, Known>();
  private lastClaimAt = -Infinity;
  private writeFailing = false;
  private dropped = 0;

  constructor(
    private readonly deps: SchedulerDeps,
    options: Partial<SchedulerOptions> = {},
  ) {
    super({ clock: deps.clock, logger: deps.logger, name: 'check scheduler' });
    this.options = { ...defaults, ...options };
  }

  /** Stops claiming, lets the checks under way finish, and writes their results. */
  override async stop(): Promise<void> {
    await super.stop();
    await Promise.all(this.inFlight);
    await this.flush();
  }

  /** Runs every check due now and waits until all checks have finished and been written. */
  async runOnce(): Promise<void> {
    await this.serialisedPass();
    await Promise.all(this.inFlight);
    await this.flush();
  }

  /**
   * Claims due checks into the free slots (and writes results and prunes old ones when
   * it is time). A full node waits until half its slots are
   * free before claiming again, so that claims come in batches rather than one by one.
   * While the database is unreachable, the monitors this node was checking go on being
   * checked on their intervals, and their results wait in memory.
   */
  protected async pass(): Promise<void> {
    try {
      await this.housekeeping();
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
    }
    for (;;) {
      const free = this.options.concurrency - this.inFlight.size;
      const now = this.deps.clock.now();
      let claimed: ClaimedCheck[];
      try {
        claimed = await claimDueChecks(this.deps.database.db, this.deps.database.dialect, now, free);
      } catch (err) {
        if (isDatabaseUnavailable(err)) this.checkKnown(now);
        throw err;
      }
      this.remember(claimed, now);
      for (const row of claimed) this.launch(row, now);
      if (claimed.length < free) return;
      await new Promise<void>((resolve) => {
        if (this.inFlight.size <= this.options.concurrency / 2) resolve();
        else this.halfFree = resolve;
      });
    }
  }

  private remember(claimed: ClaimedCheck[], now: number): void {
    this.lastClaimAt = now;
    for (const row of claimed) this.known.set(row.id, { row, nextAt: row.next_check_at ?? now, claimedAt: now });
    // Monitors another node has taken over (or that were deleted or paused) are forgotten.
    for (const [id, k] of this.known) if (now - k.claimedAt > 3 * (k.row.check_interval_ms ?? 0) + this.options.tickMs) this.known.delete(id);
  }

  /** Runs, without the database, the known monitors that are due. */
  private checkKnown(now: number): void {
    for (const k of this.known.values()) {
      const interval = k.row.check_interval_ms ?? 0;
      if (k.nextAt > now || interval <= 0 || this.inFlight.size >= this.options.concurrency) continue;
      k.nextAt += interval * (Math.floor((now - k.nextAt) / interval) + 1);
      // Claims resume where the outage began, so the entry is not forgotten meanwhile.
      k.claimedAt = this.lastClaimAt;
      this.launch({ ...k.row, next_check_at: k.nextAt }, now);
    }
  }

  private launch(row: ClaimedCheck, now: number): void {
    const run = this.check(row, now)
      .catch((err: unknown) => this.deps.logger.error({ err, monitor: row.id }, 'a check failed to run'))
      .finally(() => {
        this.inFlight.delete(run);
        if (this.halfFree && this.inFlight.size <= this.options.concurrency / 2) {
          this.halfFree();
          this.halfFree = null;
        }
      });
    this.inFlight.add(run);
  }

  private async check(row: ClaimedCheck, now: number): Promise<void> {
    const config = JSON.parse(row.config) as CheckedConfig;
    const outcome = await this.deps.probe(checkSpecOf(row.kind as CheckKind, config), config.check.timeoutSeconds * 1000);
    const previous = this.unwritten.get(row.id) ?? (row.check_state === null ? INITIAL_CHECK_STATE : (JSON.parse(row.check_state) as CheckState));
    const maintenance = inMaintenance(config.maintenance, now);
    const decided = advanceCheckState(previous, outcome, {
      monitorName: row.name,
      settings: config.check,
      certExpiryDays: config.http?.certExpiryDays ?? 0,
      inMaintenance: maintenance,
      at: now,
    });
    let state = decided.state;
    if (decided.effects.length > 0) {
      try {
        await applyCheckEffects(this.deps.database, row.id, decided.effects, now);
        this.deps.wakeEngine();
      } catch (err) {
        // Not marked as alerted, so the next check tries again (a database outage is logged by the loop).
        if (!isDatabaseUnavailable(err)) this.deps.logger.error({ err, monitor: row.id }, 'opening or resolving a check incident failed');
        state = { ...state, alerted: previous.alerted, certificateAlerted: previous.certificateAlerted };
      }
    }
    const record = { monitorId: row.id, at: now, outcome, maintenance, state };
    this.unwritten.set(row.id, state);
    this.buffer.push(record);
    if (this.buffer.length > this.options.maxBuffered) {
      this.dropped += this.buffer.length - this.options.maxBuffered;
      this.buffer = this.buffer.slice(-this.options.maxBuffered);
    }
    this.deps.onCheck?.(record, (row.next_check_at ?? now) - (row.check_interval_ms ?? 0));
    if (this.buffer.length >= this.options.flushSize) void this.flush();
  }

  /** Writes waiting results; a failed write keeps them for the next try. */
  private flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batch = this.buffer;
      if (batch.length === 0) return;
      this.buffer = [];
      this.lastFlushAt = performance.now();
      try {
        await recordChecks(this.deps.database.db, batch);
        for (const r of batch) if (this.unwritten.get(r.monitorId) === r.state) this.unwritten.delete(r.monitorId);
        if (this.writeFailing) this.deps.logger.warn({ written: batch.length, dropped: this.dropped }, 'check results are being written again');
        this.writeFailing = false;
        this.dropped = 0;
      } catch (err) {
        // Logged once per outage; the results wait (up to maxBuffered) for the next try.
        if (!this.writeFailing) this.deps.logger.error({ err, results: batch.length }, 'writing check results failed; keeping them in memory and retrying');
        this.writeFailing = true;
        const waiting = [...batch, ...this.buffer];
        this.dropped += Math.max(0, waiting.length - this.options.maxBuffered);
        this.buffer = waiting.slice(-this.options.maxBuffered);
      }
    });
    return this.flushing;
  }

  private async housekeeping(): Promise<void> {
    if (this.buffer.length > 0 && performance.now() - this.lastFlushAt >= this.options.flushMs) await this.flush();
    const now = this.deps.clock.now();
    if (now - this.lastPrunedAt >= HOUR) {
      this.lastPrunedAt = now;
      await pruneCheckHistory(this.deps.database.db, now, this.deps.retention);
    }
  }

  protected sleepMs(): Promise<number> {
    return Promise.resolve(this.options.tickMs);
  }

}
