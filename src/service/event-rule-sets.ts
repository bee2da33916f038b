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
  forMonitor(monitorId: string): Promise<CompiledRule[]> {
    // Every event asks: while the version is fresh, one lookup answers it.
    if (this.isFresh()) return this.rulesOf(monitorId);
    return this.confirmVersion().then(() => this.rulesOf(monitorId));
  }

  /** This node saved a list: its next events compile them afresh. */
  forgetAll(): void {
    this.compiled.clear();
    this.version = null;
    this.checkedAt = -Infinity;
  }

  /** The global list then the monitor's own, kept as one list per monitor. */
  private rulesOf(monitorId: string): Promise<CompiledRule[]> {
    const kept = this.compiled.get(monitorId);
    if (kept) return kept;
    const rules = Promise.all([this.compiled.get(GLOBAL) ?? this.keep(GLOBAL, this.read(null)), this.read(monitorId)]).then(([global, own]) =>
      global.length === 0 ? own : own.length === 0 ? global : [...global, ...own],
    );
    return this.keep(monitorId, rules);
  }

  /** A list as saved (the global one for null), compiled. */
  private read(monitorId: string | null): Promise<CompiledRule[]> {
    return listEventRules(this.database.db, monitorId).then(compileNamed);
  }

  private keep(key: string, list: Promise<CompiledRule[]>): Promise<CompiledRule[]> {
    // A failed read is not kept: the next event tries again.
    list.catch(() => this.compiled.delete(key));
    this.compiled.set(key, list);
    return list;
  }

  private isFresh(): boolean {
    // Wall time, not the (possibly frozen) test clock: this bounds staleness in real time.
    return this.version !== null && performance.now() - this.checkedAt < RULES_STALE_MS;
  }

  private async confirmVersion(): Promise<void> {
    if (this.isFresh()) return;
    const previous = this.version;
    this.checkedAt = performance.now();
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
