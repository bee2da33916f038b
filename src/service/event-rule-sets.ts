import { performance } from 'node:perf_hooks';
import { compileRules, type CompiledRule } from '../core/event-rules/compile-rules.js';
import { LruMap } from '../core/lru-map.js';
import type { Database } from '../store/database.js';
import type { NamedRule } from '../core/event-rules/types.js';
import { eventRulesVersion, listEventRules } from '../store/event-rules.js';

/**
 * How long a node trusts its compiled rules before one read of the version tells it
 * whether any list was saved since (through any node). A save through this node is seen
 * at once (forgetAll); one through another node within this bound.
 */
export const RULES_STALE_MS = 1000;

const GLOBAL = '';

/** Each rule compiled alone: one that no longer compiles is left out rather than failing every event. */
export function compileNamed(rules: NamedRule[]): CompiledRule[] {
  return rules.flatMap(({ name, ...rule }) => {
    try {
      return compileRules([{ id: name, ...rule }]);
    } catch {
      return [];
    }
  });
}

/**
 * The event rules each monitor's events run through (the global list, then the
 * monitor's), compiled once and kept in memory: an alert storm costs no reads of them.
 */
export class EventRuleSets {
  private readonly compiled = new LruMap<string, Promise<CompiledRule[]>>(10_000);
  private version: Promise<string> | null = null;
  private checkedAt = -Infinity;

  constructor(private readonly database: Database) {}

  /** The rules for one monitor's events, in the order they run. */
  async forMonitor(monitorId: string): Promise<CompiledRule[]> {
    await this.confirmVersion();
    const [global, own] = await Promise.all([this.list(GLOBAL), this.list(monitorId)]);
    return global.length === 0 ? own : own.length === 0 ? global : [...global, ...own];
  }

  /** This node saved a list: its next events compile them afresh. */
  forgetAll(): void {
    this.compiled.clear();
    this.version = null;
    this.checkedAt = -Infinity;
  }

  private list(key: string): Promise<CompiledRule[]> {
    let list = this.compiled.get(key);
    if (!list) {
      list = listEventRules(this.database.db, key === GLOBAL ? null : key).then(compileNamed);
      // A failed read is not kept: the next event tries again.
      list.catch(() => this.compiled.delete(key));
      this.compiled.set(key, list);
    }
    return list;
  }

  private async confirmVersion(): Promise<void> {
    // Wall time, not the (possibly frozen) test clock: this bounds staleness in real time.
    const now = performance.now();
    if (this.version && now - this.checkedAt < RULES_STALE_MS) return;
    const previous = this.version;
    this.checkedAt = now;
    const current = eventRulesVersion(this.database.db);
    this.version = current;
    try {
      const [was, is] = await Promise.all([previous, current]);
      if (was !== null && was !== is) this.compiled.clear();
    } catch (error) {
      this.version = null;
      throw error;
    }
  }
}
