/**
 * A map that holds at most `capacity` entries, dropping the least recently used one
 * (read or written) when a new key would exceed it.
 */
export class LruMap<K, V> {
  // A Map iterates in insertion order: re-inserting on use keeps the oldest use first.
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('an LRU map holds at least one entry');
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    // An undefined value is stored like any other, so only a miss leaves without moving.
    if (value === undefined && !this.entries.has(key)) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value as V);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
