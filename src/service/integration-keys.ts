import type { Transaction } from 'kysely';
import { LruMap } from '../core/lru-map.js';
import { sha256 } from '../security/secret-token.js';
import type { Database } from '../store/database.js';
import { findMonitorByKeyHash, monitorsVersionIn, type MonitorRow } from '../store/monitors.js';
import type { DB } from '../store/schema.js';

/** The monitor behind a key as last read, and the version (migration 0017) it was read at. */
export interface KeyedMonitor {
  keyHash: string;
  monitor: MonitorRow;
  version: string;
}

/**
 * The monitors behind integration keys, kept in memory so that an event in a storm costs
 * no lookup of its key. A kept answer is only a first answer: the transaction that writes
 * the event confirms it against the stored version (one read per transaction, shared by
 * all the events it holds) and reads the monitor again when anything about a keyed monitor
 * changed since, through any node or the command line. A rotated key, a deleted, paused or
 * re-limited monitor is therefore honoured by the very write that would have used it.
 * (A new rate limit set elsewhere counts from the event after that write; one set through
 * this node counts at once, because its monitor routes call forgetAll.)
 */
export class IntegrationKeys {
  // Only keys that named a monitor are kept, so made-up keys cannot fill memory.
  private readonly known = new LruMap<string, KeyedMonitor>(10_000);

  constructor(private readonly database: Database) {}

  async lookup(key: string): Promise<KeyedMonitor | undefined> {
    const keyHash = sha256(key);
    const kept = this.known.get(keyHash);
    if (kept) return kept;
    const found = await findMonitorByKeyHash(this.database.db, keyHash);
    return found && this.keep(keyHash, found);
  }

  /** What is kept about the key of `entry` now: newer than `entry` when a transaction read the monitor again since. */
  current(entry: KeyedMonitor): KeyedMonitor {
    return this.known.get(entry.keyHash) ?? entry;
  }

  /** The monitor as `trx` sees it, or undefined when the key no longer names a monitor of that kind. */
  async confirm(trx: Transaction<DB>, entry: KeyedMonitor): Promise<MonitorRow | undefined> {
    const version = await monitorsVersionIn(trx);
    const latest = this.current(entry);
    if (latest.version === version) return latest.monitor;
    const found = await findMonitorByKeyHash(trx, entry.keyHash);
    if (!found || found.monitor.kind !== entry.monitor.kind) {
      this.known.delete(entry.keyHash);
      return undefined;
    }
    return this.keep(entry.keyHash, found).monitor;
  }

  /** This node changed a monitor: its next events read their monitors afresh. */
  forgetAll(): void {
    this.known.clear();
  }

  private keep(keyHash: string, found: { monitor: MonitorRow; version: string }): KeyedMonitor {
    const entry = { keyHash, ...found };
    this.known.set(keyHash, entry);
    return entry;
  }
}
