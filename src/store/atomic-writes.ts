import { PostgresAdapter, sql, type InsertQueryBuilder, type Kysely, type QueryCreator, type UpdateQueryBuilder } from 'kysely';
import { Plans, runPlanned } from './prepared.js';
import type { DB } from './schema.js';
import { transact } from './transact.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table, any shape
type WriteQuery = InsertQueryBuilder<DB, any, any> | UpdateQueryBuilder<DB, any, any, any>;

/**
 * An INSERT or UPDATE whose result nobody reads, built on the connection that runs it.
 * `planned`, where given, says how to run it without building it (row-inserts.ts).
 */
export type Write = ((db: Kysely<DB>) => WriteQuery) & { planned?: PlannedWrite };

/** A write built once per shape and database, then run with new values (prepared.ts). */
export interface PlannedWrite {
  plans: Plans;
  /** The same text for the same shape: names the table and whatever else the text depends on. */
  shape: string;
  values: readonly unknown[];
  /** The write with a placeholder per value. */
  build: (db: Kysely<DB>, placeholders: readonly unknown[]) => WriteQuery;
}

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
    const plannedAll = writes.every((write) => write.planned) && writes.reduce((n, write) => n + (write.planned?.values.length ?? 0), 0) <= MAX_PARAMETERS;
    if (plannedAll) return void (await runPlannedTogether(db, writes as PlannedWrites));
    const compiled = together(db, writes.map((write) => () => write(db))).compile();
    if (compiled.parameters.length <= MAX_PARAMETERS) {
      await db.executeQuery(compiled);
      return;
    }
  }
  if (db.isTransaction || writes.length <= 1) return writeEach(db, writes);
  await transact(db, (trx) => writeEach(trx, writes));
}

/** Runs writes one after another on `db`, each a statement of its own. */
export async function writeEach(db: Kysely<DB>, writes: Write[]): Promise<void> {
  for (const write of writes) {
    const { planned } = write;
    if (planned) await runPlanned(db, planned.plans, planned.shape, planned.values, (placeholders) => planned.build(db, placeholders));
    else await write(db).execute();
  }
}

/** Writes as one statement: each a data-modifying WITH of `select 1`. */
function together(db: Kysely<DB>, writes: (() => WriteQuery)[]) {
  // The WITH names are not tables of DB, and nothing reads them.
  let query = db as unknown as QueryCreator<DB>;
  for (const [i, write] of writes.entries()) query = query.with(`w${i}`, write) as unknown as QueryCreator<DB>;
  return query.selectNoFrom(sql<number>`1`.as('done'));
}

type PlannedWrites = (Write & { planned: PlannedWrite })[];

/**
 * The statement of writes that are all planned, itself built once per combination of
 * their shapes: an alert storm's batches on PostgreSQL write incidents, alerts, timeline
 * entries and pages together, in a few combinations of row counts, and building that
 * statement each time was a tenth of the main thread.
 */
const togetherPlans = new Plans(64);

function runPlannedTogether(db: Kysely<DB>, writes: PlannedWrites) {
  // A loop, not flatMap: V8's flatMap takes its generic path, a tenth of a millisecond for a batch's values.
  const values: unknown[] = [];
  for (const write of writes) for (const value of write.planned.values) values.push(value);
  const shape = writes.map((write) => write.planned.shape).join('|');
  return runPlanned(db, togetherPlans, shape, values, (placeholders) => {
    let at = 0;
    return together(
      db,
      writes.map(({ planned }) => {
        const own = placeholders.slice(at, (at += planned.values.length));
        return () => planned.build(db, own);
      }),
    );
  });
}
