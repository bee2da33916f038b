import type { Logger } from 'pino';
import type { Clock } from '../kernel/clock.js';
import { isDatabaseUnavailable } from '../store/database-fault.js';
import type { Channels } from '../channels/channel.js';
import { applyTransitionToAll } from '../service/apply-transition.js';
import type { Transaction } from 'kysely';
import type { Database, Dialect } from '../store/database.js';
import { groupCommitOf, type MergedWork, type GroupCommit } from '../store/group-commit.js';
import type { DB } from '../store/schema.js';
import { claimDueIncidents, incidentDueTimes, lockIncidents, releaseIncidents, type IncidentRow } from '../store/incidents.js';
import { notificationDueTimes } from '../store/notifications.js';
import { heartbeatDueTimes } from '../store/monitors.js';
import { nextDueAt } from '../store/next-due.js';
import { Dispatcher, type PageObserver } from './dispatcher.js';
import { ChatSync, type ChatUpdaters } from './chat-sync.js';
import { chatSyncDueTimes } from '../store/chat-messages.js';
import { PollingLoop } from './polling-loop.js';
import { checkHeartbeats } from './heartbeats.js';
import { planNotices } from './notice-planner.js';
import { tellExpiredCoverRequests } from '../service/cover-requests.js';

export interface EngineDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  channels: Channels;
  baseUrl: string;
  /** This node's id, recorded on its claims (see NodePresence). */
  owner: string;
  /** Told about every page's outcome; the metrics count them. */
  onPage?: PageObserver;
  /** Per channel kind, how its posted pages are kept showing their incident (chat-sync.ts). */
  chatUpdaters?: ChatUpdaters;
}

export interface EngineOptions {
  /**
   * How long a claim is exclusive without renewal. The node renews the claims it works
   * on, and a dead node's claims are released as soon as it is seen to be gone; the lease
   * is the last resort.
   */
  leaseMs: number;
  batch: number;
  /**
   * Longest sleep without looking at the database. This node is woken at once by its own
   * new work and by a dead node's released claims; this bounds how late it sees work
   * another (live) node made due and left to it, and costs one look when idle.
   */
  maxSleepMs: number;
  /** Pages being sent at once. */
  maxInFlight: number;
}

const defaults: EngineOptions = { leaseMs: 15_000, batch: 200, maxSleepMs: 10_000, maxInFlight: 500 };

/**
 * The durable loop. All due work lives in the database (incidents.next_action_at,
 * notifications.due_at); the loop claims it with leases, sleeps until the earliest due
 * instant, and is woken early by new work or by a jump of the test clock. After a
 * restart the first pass runs everything overdue.
 */
export class Engine extends PollingLoop {
  private lastPlannedAt = -Infinity;
  private readonly options: EngineOptions;
  private readonly dispatcher: Dispatcher;
  private readonly chatSync: ChatSync;
  private readonly advancing = new Set<string>();
  private claimedInPass = 0;
  private readonly commits: GroupCommit;
  private readonly advance: MergedWork<{ id: string; now: number }, void>;
  /** Steps made due by failed sends, counted so runOnce sees those finished in the background. */
  private escalations = 0;

  constructor(
    private readonly deps: EngineDeps,
    options: Partial<EngineOptions> = {},
  ) {
    // Woken passes at least 20 ms apart (50 on PostgreSQL): far below the second a page may
    // take, and in a storm each pass sends the pages of several new incidents. A pass is
    // half a dozen queries; on PostgreSQL each is a round trip that ingest's transactions
    // wait behind, and passes 50 ms apart opened 6–11 % more incidents a second in the
    // storm benchmark (on SQLite, no gain).
    super({ clock: deps.clock, logger: deps.logger, name: 'engine', wakeGapMs: deps.database.dialect === 'postgres' ? 50 : 20 });
    this.options = { ...defaults, ...options };
    this.commits = groupCommitOf(deps.database);
    this.advance = async (trx, claims) => {
      await advanceAllIn(trx, deps.database.dialect, claims);
      return claims.map(() => undefined);
    };
    const onEscalated = () => {
      this.escalations++;
      this.wake();
    };
    this.dispatcher = new Dispatcher({ ...deps, onEscalated }, { owner: deps.owner, leaseMs: this.options.leaseMs, maxInFlight: this.options.maxInFlight });
    this.chatSync = new ChatSync({ database: deps.database, updaters: deps.chatUpdaters ?? {}, logger: deps.logger, baseUrl: deps.baseUrl, clock: deps.clock }, this.options.leaseMs);
  }

  /** Passes until nothing due is left and every page started has been sent and recorded. */
  async runOnce(): Promise<void> {
    let again: boolean;
    do {
      const escalations = this.escalations;
      await this.serialisedPass();
      // Sends started by this pass or by the background loop may make more work due (a
      // step whose pages all failed moves on at once): pass again until all is quiet.
      const busy = this.claimedInPass > 0 || this.dispatcher.busy() || this.chatSync.busy();
      await this.dispatcher.idle();
      await this.chatSync.idle();
      again = busy || this.escalations !== escalations;
    } while (again);
  }

  override async stop(): Promise<void> {
    await super.stop();
    await this.dispatcher.stop();
    await this.chatSync.idle();
  }

  /** What this node holds claims on, so its heartbeat renews their leases. */
  held(): { incidents: string[]; notifications: string[] } {
    return { incidents: [...this.advancing], notifications: this.dispatcher.heldIds() };
  }

  protected async pass(): Promise<void> {
    const { leaseMs, batch } = this.options;
    this.claimedInPass = 0;
    const started = this.deps.clock.now();
    // Notices need minute precision; planning every pass would reload every schedule.
    if (started - this.lastPlannedAt >= 60_000) {
      this.lastPlannedAt = started;
      await planNotices(this.deps.database.db, started);
      await tellExpiredCoverRequests(this.deps.database.db, started);
    }
    for (;;) {
      const now = this.deps.clock.now();
      await checkHeartbeats(this.deps.database, now);
      const incidents = await claimDueIncidents(this.deps.database.db, this.deps.database.dialect, this.deps.owner, now, leaseMs, batch);
      await this.advanceAll(incidents, now);
      // Sends go on in the background: a slow destination never holds up this pass.
      const claimed = await this.dispatcher.dispatchDue(now, batch);
      // Posted pages follow their incidents' changes, edited in the background too.
      const edited = await this.chatSync.syncDue(now, batch);
      this.claimedInPass += incidents.length + claimed + edited;
      if (incidents.length < batch && claimed < batch && edited < batch) return;
    }
  }

  /**
   * Advances claimed incidents through group commit: in a storm hundreds are due at once,
   * and a transaction each would spend most of the pass committing. A batch that fails
   * is retried one incident at a time, so one bad incident holds up no other.
   */
  private async advanceAll(ids: string[], now: number): Promise<void> {
    let outage: unknown = null;
    for (const id of ids) this.advancing.add(id);
    await Promise.all(
      ids.map(async (id) => {
        try {
          await this.commits.runMerged(this.advance, { id, now });
        } catch (err) {
          // Its claim is released when its lease runs out, and a later pass retries it;
          // the others go on. A database outage is the loop's to report, once.
          if (isDatabaseUnavailable(err)) outage = err;
          else this.deps.logger.error({ err, incident: id }, 'advancing an incident failed');
        } finally {
          this.advancing.delete(id);
        }
      }),
    );
    if (outage) throw outage;
  }

  protected async sleepMs(): Promise<number> {
    const { db } = this.deps.database;
    const now = this.deps.clock.now();
    const next = await engineDueAt(db, now);
    if (next === null) return this.options.maxSleepMs;
    return Math.max(0, Math.min(this.options.maxSleepMs, next - now));
  }

}

/** When the engine next has work: an incident's action or lease, a page, a heartbeat, a chat message to update. */
const engineDueAt = nextDueAt((db, now) => [...incidentDueTimes(db, now), ...notificationDueTimes(db), ...heartbeatDueTimes(db), ...chatSyncDueTimes(db, now)]);

/**
 * Claimed incidents' due actions, as many as group commit hands over at once: their rows
 * read in one statement and their ticks written together (applyTransitionToAll).
 */
async function advanceAllIn(trx: Transaction<DB>, dialect: Dialect, claims: { id: string; now: number }[]): Promise<void> {
  const rows = new Map((await lockIncidents(trx, dialect, claims.map((c) => c.id))).map((row) => [row.id, row]));
  const released: string[] = [];
  const due = new Map<number, IncidentRow[]>();
  for (const { id, now } of claims) {
    const row = rows.get(id);
    if (!row) continue;
    // Someone acted on it since the claim: just give the lease back.
    if (row.next_action_at === null || row.next_action_at > now) released.push(id);
    else due.set(now, [...(due.get(now) ?? []), row]);
  }
  await releaseIncidents(trx, released);
  for (const [now, dueRows] of due) await applyTransitionToAll(trx, dueRows, { type: 'tick', at: now }, now);
}
