import { PostgresAdapter, sql, type InsertQueryBuilder, type Kysely, type QueryCreator, type UpdateQueryBuilder } from 'kysely';
import type { DB } from './schema.js';

/**
 * An INSERT or UPDATE whose result nobody reads, built on the connection that runs it.
 * `run`, where given, runs it alone without building it (a prepared statement, see
 * row-inserts.ts); writeAtomically's one statement on PostgreSQL builds it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table, any shape
export type Write = ((db: Kysely<DB>) => InsertQueryBuilder<DB, any, any> | UpdateQueryBuilder<DB, any, any, any>) & { run?: (db: Kysely<DB>) => Promise<unknown> };

/** PostgreSQL's most parameters in one statement. */
const MAX_PARAMETERS = 65_535;

/**
 * Runs writes all or none, in the caller's transaction if it is in one. PostgreSQL gets
 * them as one statement (each a data-modifying WITH of `select 1`), atomic by itself: one
 * round trip instead of one per write (and outside a transaction, BEGIN and COMMIT). In
 * one statement the writes share a snapshot: none sees another's rows, and a row two of
 * them change is changed by one only. So only writes about different rows, none reading
 * another's, may go together. Foreign keys are checked at the statement's end.
 */
export async function writeAtomically(db: Kysely<DB>, writes: Write[]): Promise<void> {
  if (writes.length > 1 && db.getExecutor().adapter instanceof PostgresAdapter) {
    // The WITH names are not tables of DB, and nothing reads them.
    let query = db as unknown as QueryCreator<DB>;
    for (const [i, write] of writes.entries()) query = query.with(`w${i}`, () => write(db)) as unknown as QueryCreator<DB>;
    const compiled = query.selectNoFrom(sql<number>`1`.as('done')).compile();
    if (compiled.parameters.length <= MAX_PARAMETERS) {
      await db.executeQuery(compiled);
      return;
    }
  }
  if (db.isTransaction || writes.length <= 1) return writeEach(db, writes);
  await db.transaction().execute((trx) => writeEach(trx, writes));
}

/** Runs writes one after another on `db`, each a statement of its own. */
export async function writeEach(db: Kysely<DB>, writes: Write[]): Promise<void> {
  for (const write of writes) await (write.run ? write.run(db) : write(db).execute());
}
