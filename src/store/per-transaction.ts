import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * A read remembered for the rest of the transaction it ran in, per key: a group commit
 * of an alert storm opens hundreds of incidents for a monitor, each needing the same
 * rows. Outside a transaction nothing is remembered (nothing would end it).
 */
export function perTransaction<T>(read: (db: Kysely<DB>, key: string) => Promise<T>): (db: Kysely<DB>, key: string) => Promise<T> {
  const remembered = new WeakMap<Kysely<DB>, Map<string, Promise<T>>>();
  return (db, key) => {
    if (!db.isTransaction) return read(db, key);
    let byKey = remembered.get(db);
    if (!byKey) remembered.set(db, (byKey = new Map()));
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = read(db, key)));
    return found;
  };
}
