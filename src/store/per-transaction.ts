import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** A read remembered per transaction and key, which a read of many keys at once may fill ahead. */
export interface PerTransaction<T> {
  (db: Kysely<DB>, key: string): Promise<T>;
  /** Remembers `value` for `key` in the transaction `db`, as if it had been read there. */
  seed(db: Kysely<DB>, key: string, value: T): void;
}

/**
 * A read remembered for the rest of the transaction it ran in, per key: a group commit
 * of an alert storm opens hundreds of incidents for a monitor, each needing the same
 * rows. Outside a transaction nothing is remembered (nothing would end it).
 */
export function perTransaction<T>(read: (db: Kysely<DB>, key: string) => Promise<T>): PerTransaction<T> {
  const remembered = new WeakMap<Kysely<DB>, Map<string, Promise<T>>>();
  const keysOf = (db: Kysely<DB>) => {
    let byKey = remembered.get(db);
    if (!byKey) remembered.set(db, (byKey = new Map()));
    return byKey;
  };
  const remembering = (db: Kysely<DB>, key: string): Promise<T> => {
    if (!db.isTransaction) return read(db, key);
    const byKey = keysOf(db);
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = read(db, key)));
    return found;
  };
  return Object.assign(remembering, {
    seed(db: Kysely<DB>, key: string, value: T): void {
      if (db.isTransaction) keysOf(db).set(key, Promise.resolve(value));
    },
  });
}
