import type { Kysely, Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from './schema.js';
import { transact } from './transact.js';

const withCode = (code: string) => Object.assign(new Error(code), { code });

/** A database whose transactions fail with `failures` in turn, then run the work. */
function failingDb(failures: Error[]): { db: Kysely<DB>; runs: () => number } {
  let runs = 0;
  const trx = { isTransaction: true } as Transaction<DB>;
  const db = {
    isTransaction: false,
    transaction: () => ({
      execute: async <T>(work: (t: Transaction<DB>) => Promise<T>) => {
        runs++;
        const failure = failures.shift();
        if (failure) throw failure;
        return work(trx);
      },
    }),
  } as unknown as Kysely<DB>;
  return { db, runs: () => runs };
}

describe('transact', () => {
  it('runs a transaction that lost a deadlock or serialization conflict again', async () => {
    const { db, runs } = failingDb([withCode('40P01'), withCode('40001')]);
    await expect(transact(db, async () => 'done')).resolves.toBe('done');
    expect(runs()).toBe(3);
  });

  it('gives up after five conflicts in a row, with the last one', async () => {
    const { db, runs } = failingDb(Array.from({ length: 6 }, () => withCode('40P01')));
    await expect(transact(db, async () => 'done')).rejects.toMatchObject({ code: '40P01' });
    expect(runs()).toBe(5);
  });

  it('does not run again on any other error', async () => {
    const { db, runs } = failingDb([withCode('23505')]);
    await expect(transact(db, async () => 'done')).rejects.toMatchObject({ code: '23505' });
    expect(runs()).toBe(1);
  });

  it('joins the transaction it is given instead of opening one', async () => {
    const { db, runs } = failingDb([]);
    const outer = { ...db, isTransaction: true } as unknown as Kysely<DB>;
    let seen: unknown;
    await transact(outer, async (trx) => (seen = trx));
    expect(seen).toBe(outer);
    expect(runs()).toBe(0);
  });
});
