import { EventEmitter } from 'node:events';

/** The only source of "now" in Vigil; everything time-dependent receives one. */
export interface Clock {
  now(): number;
  /** Subscribes to jumps of a controllable clock so sleepers can re-plan; returns unsubscribe. */
  onChange(listener: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  onChange: () => () => undefined,
};

/**
 * A clock for tests: runs with real time by default, can be frozen at an instant,
 * set, and advanced. Only wired in when VIGIL_TEST_MODE is on.
 */
export class TestClock implements Clock {
  private readonly events = new EventEmitter();
  // now = frozenAt ?? (Date.now() + offset)
  private offset = 0;
  private frozenAt: number | null = null;
  private sharing: Promise<void> = Promise.resolve();

  now(): number {
    return this.frozenAt ?? Date.now() + this.offset;
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }

  freeze(at: number = this.now()): void {
    this.frozenAt = at;
    this.events.emit('change');
  }

  unfreeze(): void {
    if (this.frozenAt !== null) this.offset = this.frozenAt - Date.now();
    this.frozenAt = null;
    this.events.emit('change');
  }

  set(at: number): void {
    if (this.frozenAt !== null) this.frozenAt = at;
    else this.offset = at - Date.now();
    this.events.emit('change');
  }

  advance(ms: number): void {
    this.set(this.now() + ms);
  }

  onChange(listener: () => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }

  /** The clock's whole state, to share it with other nodes. */
  snapshot(): { frozenAt: number | null; offset: number } {
    return { frozenAt: this.frozenAt, offset: this.offset };
  }

  /** Takes another node's state. */
  restore(state: { frozenAt: number | null; offset: number }): void {
    this.frozenAt = state.frozenAt;
    this.offset = state.offset;
    this.events.emit('change');
  }

  /** Records the write that shares the latest change; `shared()` waits for it. */
  trackSharing(write: Promise<void>): void {
    this.sharing = write;
  }

  /** Resolves once the latest change is visible to every node sharing this clock. */
  shared(): Promise<void> {
    return this.sharing;
  }
}
