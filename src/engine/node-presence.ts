import type { Logger } from 'pino';
import { systemClock, type Clock } from '../kernel/clock.js';
import type { Database } from '../store/database.js';
import { newId } from '../store/ids.js';
import { beat, otherNodes, reapNodes, releaseUnownedClaims, removeNode, renewLeases, staleNodes } from '../store/nodes.js';
import { PollingLoop } from './polling-loop.js';

export interface PresenceOptions {
  /** How often this node beats and renews its claims. */
  beatMs: number;
  /** A node silent this long is dead: its claims are taken over. */
  deadAfterMs: number;
  /** Claims last this long (test-clock time) past the last renewal. */
  leaseMs: number;
}

export const presenceDefaults: PresenceOptions = { beatMs: 1_000, deadAfterMs: 5_000, leaseMs: 15_000 };

/**
 * This node's presence in the database. It beats every second and renews the leases of
 * the work it holds, so leases can be short; it reaps nodes that stopped beating and
 * releases their claims at once, so work held by a node killed mid-page is picked up in
 * seconds rather than when its lease runs out. On SQLite one process owns the file, so
 * every other node is gone and is reaped at start, and the node's one heartbeat is that
 * start's.
 */
export class NodePresence extends PollingLoop {
  readonly id = newId();
  /** Wall-clock start of the current run of successful beats. */
  private beatingSince: number | null = null;
  private started = false;

  constructor(
    private readonly deps: {
      database: Database;
      clock: Clock;
      logger: Logger;
      /** The claims this node is working on. */
      held: () => { incidents: string[]; notifications: string[] };
      /** Another node's work was released: it may be due now. */
      onReaped: () => void;
    },
    private readonly options: PresenceOptions = presenceDefaults,
  ) {
    super({ clock: deps.clock, logger: deps.logger, name: 'node heartbeat' });
  }

  override async stop(): Promise<void> {
    await super.stop();
    // A clean stop hands its claims over without waiting for the others to notice.
    await removeNode(this.deps.database.db, this.id).catch(() => undefined);
  }

  /** Announces the node and reaps the dead before the engine's first pass. */
  beatNow(): Promise<void> {
    return this.serialisedPass();
  }

  protected async pass(): Promise<void> {
    const { db, dialect } = this.deps.database;
    const wallNow = systemClock.now();
    // On SQLite nobody reads a heartbeat after the start (a starting node reaps every
    // other), so the node beats once; the leases of what it holds are renewed every pass.
    const beats = dialect !== 'sqlite' || !this.started;
    try {
      if (beats) await beat(db, this.id, wallNow);
      await renewLeases(db, this.id, this.deps.held(), this.deps.clock.now() + this.options.leaseMs);
    } catch (err) {
      this.beatingSince = null;
      throw err;
    }
    this.beatingSince ??= wallNow;
    let dead: string[] = [];
    if (dialect === 'sqlite') {
      if (this.started) return;
      dead = await otherNodes(db, this.id);
      await releaseUnownedClaims(db);
    } else if (wallNow - this.beatingSince >= this.options.deadAfterMs) {
      // Only a node that has itself been beating for a while judges others: after a
      // database outage every heartbeat is old, and the others need time to beat again.
      dead = await staleNodes(db, wallNow - this.options.deadAfterMs, this.id);
    }
    this.started = true;
    if (dead.length === 0) return;
    const released = await reapNodes(db, dead);
    this.deps.logger.warn({ nodes: dead, released }, 'took over the work of nodes that stopped');
    if (released > 0) this.deps.onReaped();
  }

  protected sleepMs(): Promise<number> {
    return Promise.resolve(this.options.beatMs);
  }
}
