import type { Logger } from 'pino';
import type { Clock } from '../kernel/clock.js';
import { advanceCheckState } from '../core/monitor/advance-check-state.js';
import { burstWindowMs, type BurstBounds } from '../core/monitor/burst-window.js';
import { inMaintenance } from '../core/monitor/maintenance.js';
import { INITIAL_CHECK_STATE, checkSpecOf, type CheckKind, type CheckState, type CheckedConfig } from '../core/monitor/types.js';
import { HOUR } from '../core/time/units.js';
import { PollingLoop } from '../engine/polling-loop.js';
import { applyCheckEffects } from '../service/check-effects.js';
import { claimDueChecks, pruneCheckHistory, recordChecks, type CheckRecord, type ClaimedCheck } from '../store/checks.js';
import { nextCheckAt } from '../store/next-check-at.js';
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
  /** Told about every finished check (vigil_checks_total counts them). */
  onCheck?: (record: CheckRecord) => void;
}

export interface SchedulerOptions {
  /** Checks in flight at once on this node. */
  concurrency: number;
  /** Results are written when this many are waiting, or `flushMs` after the first of them. */
  flushSize: number;
  flushMs: number;
  /**
   * After a pass that started checks, the next pass waits a while (burstWindowMs: a
   * thirtieth of the shortest interval among this node's monitors, within these bounds),
   * so that checks falling due close together start in one burst with one claim: a
   * wake-up, a claim and a paced request each cost far more than a request in a burst.
   * A check starts at most that late; a lone check starts on time.
   */
  burst: BurstBounds;
  /**
   * Longest sleep without looking at the database. This node wakes by itself for the due
   * checks it knows of and when a monitor is created or changed through its own API;
   * this bounds how late it sees a monitor that another node created and could not check.
   */
  rescanMs: number;
  /** Results kept in memory while the database cannot take them; the oldest go first beyond this. */
  maxBuffered: number;
}

const defaults: SchedulerOptions = { concurrency: 100, flushSize: 500, flushMs: 2000, burst: { minMs: 1000, maxMs: 2000 }, rescanMs: 30_000, maxBuffered: 100_000 };

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
  private flushTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private lastPrunedAt = -Infinity;
  private readonly options: SchedulerOptions;
  private readonly known = new Map<string, Known>();
  private lastClaimAt = -Infinity;
  private lastForgotAt = -Infinity;
  /** Among the monitors this node knows, which sets how long a burst may gather. */
  private shortestIntervalMs = Infinity;
  /** What the last pass learnt: when the next check falls due, and whether it started any. */
  private nextDueAt: number | null = null;
  private startedChecks = false;
  private writeFailing = false;
  private dropped = 0;

  constructor(
    private readonly deps: SchedulerDeps,
    options: Partial<SchedulerOptions> = {},
  ) {
    super({ clock: deps.clock, logger: deps.logger, name: 'check scheduler' });
    this.options = { ...defaults, ...options };
  }

  override start(): void {
    this.stopping = false;
    super.start();
  }

  /** Stops claiming, lets the checks under way finish, and writes their results. */
  override async stop(): Promise<void> {
    this.stopping = true;
    await super.stop();
    await Promise.all(this.inFlight);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.flush();
  }

  /** Runs every check due now and waits until all checks have finished and been written. */
  async runOnce(): Promise<void> {
    await this.serialisedPass();
    await Promise.all(this.inFlight);
    await this.flush();
  }

  /**
   * Claims due checks into the free slots, then learns when the next one falls due (and
   * prunes old results once an hour). A full node waits until half its slots are free
   * before claiming again, so that claims come in batches rather than one by one.
   * While the database is unreachable, the monitors this node was checking go on being
   * checked on their intervals, and their results wait in memory.
   */
  protected async pass(): Promise<void> {
    this.startedChecks = false;
    try {
      await this.prune();
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
      if (claimed.length > 0) this.startedChecks = true;
      if (claimed.length < free) break;
      await new Promise<void>((resolve) => {
        if (this.inFlight.size <= this.options.concurrency / 2) resolve();
        else this.halfFree = resolve;
      });
    }
    this.nextDueAt = await nextCheckAt(this.deps.database.db);
  }

  private remember(claimed: ClaimedCheck[], now: number): void {
    this.lastClaimAt = now;
    for (const row of claimed) {
      this.known.set(row.id, { row, nextAt: row.next_check_at ?? now, claimedAt: now });
      this.shortestIntervalMs = Math.min(this.shortestIntervalMs, row.check_interval_ms ?? Infinity);
    }
    // Monitors another node has taken over (or that were deleted or paused) are forgotten,
    // in a sweep every `rescanMs`: a sweep per claim walked 10,000 monitors several times a second.
    if (now - this.lastForgotAt < this.options.rescanMs) return;
    this.lastForgotAt = now;
    this.shortestIntervalMs = Infinity;
    for (const k of this.known.values()) {
      const interval = k.row.check_interval_ms ?? 0;
      if (now - k.claimedAt > 3 * interval + this.options.burst.maxMs) this.known.delete(k.row.id);
      else this.shortestIntervalMs = Math.min(this.shortestIntervalMs, k.row.check_interval_ms ?? Infinity);
    }
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
    this.deps.onCheck?.(record);
    if (this.buffer.length >= this.options.flushSize) void this.flush();
    else this.flushLater();
  }

  /** Results are written `flushMs` after the first of them waits; no timer runs while none do. */
  private flushLater(): void {
    if (this.flushTimer || this.buffer.length === 0) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, this.options.flushMs);
    // Pending results never hold the process open: a stop writes them.
    this.flushTimer.unref();
  }

  /** Writes waiting results; a failed write keeps them for the next try. */
  private flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batch = this.buffer;
      if (batch.length === 0) return;
      this.buffer = [];
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
      // What failed, or came in while writing, gets its own turn.
      if (!this.stopping) this.flushLater();
    });
    return this.flushing;
  }

  private async prune(): Promise<void> {
    const now = this.deps.clock.now();
    if (now - this.lastPrunedAt < HOUR) return;
    this.lastPrunedAt = now;
    await pruneCheckHistory(this.deps.database.db, now, this.deps.retention);
  }

  /**
   * Until the next check falls due (at least a burst window after a pass that started
   * checks, so close ones start together), and at most `rescanMs`. Pruning waits for a pass.
   */
  protected sleepMs(): Promise<number> {
    const { burst, rescanMs } = this.options;
    if (this.nextDueAt === null) return Promise.resolve(rescanMs);
    const untilDue = this.nextDueAt - this.deps.clock.now();
    const gather = this.startedChecks ? burstWindowMs(this.shortestIntervalMs, burst) : 0;
    return Promise.resolve(Math.min(rescanMs, Math.max(untilDue, gather)));
  }
}
