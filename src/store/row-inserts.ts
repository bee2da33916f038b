import type { Insertable, Kysely, OnConflictBuilder, OnConflictDoNothingBuilder, OnConflictUpdateBuilder } from 'kysely';
import type { Write } from './atomic-writes.js';
import { Plans } from './prepared.js';
import type { DB } from './schema.js';

type Table = keyof DB & string;

/** What an insert does with a row already there; its name keeps its plans apart from others'. */
export interface OnConflict {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table's rule
  clause: (oc: OnConflictBuilder<DB, any>) => OnConflictDoNothingBuilder<DB, any> | OnConflictUpdateBuilder<any, any>;
}

/** Rows whose `column` is already taken are left out. */
export const ignoreDuplicatesOf = (column: string): OnConflict => ({
  name: `ignore:${column}`,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a column of the table
  clause: (oc) => oc.column(column as any).doNothing(),
});

/** Compiled inserts per table and conflict rule, then per database and shape. */
const plansOf = new Map<string, Plans>();
/** Shapes kept per table and database: a storm's batches come in a few sizes. */
const SHAPES = 32;
/** Larger inserts are built each time: rare, and their texts and parameters are large. */
const MAX_VALUES = 1_000;

/**
 * Rows inserted in one statement, as a Write, planned per number of rows (prepared.ts):
 * every batch of an alert storm inserts its incidents, pages, alerts and timeline entries,
 * and building those inserts was about a twentieth of the main thread. writeAtomically's
 * one statement on PostgreSQL is planned per combination of its writes' shapes.
 * Rows must name the same columns in the same order, each with a plain value (no
 * expression, no undefined for DEFAULT); other rows, and large inserts, are inserted as
 * built.
 */
export function insertRows<T extends Table>(table: T, rows: Insertable<DB[T]>[], onConflict?: OnConflict): Write {
  const build = ((db: Kysely<DB>) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table named at run time
    const insert = db.insertInto(table).values(rows as any);
    return onConflict === undefined ? insert : insert.onConflict(onConflict.clause);
  }) as Write;
  const columns = Object.keys(rows[0] ?? {});
  if (rows.length === 0 || rows.length * columns.length > MAX_VALUES || !rows.every((row) => sameColumns(row as Record<string, unknown>, columns))) return build;
  const key = `${table}:${onConflict?.name ?? ''}`;
  let plans = plansOf.get(key);
  if (!plans) plansOf.set(key, (plans = new Plans(SHAPES)));
  build.planned = {
    plans,
    shape: `${key}:${rows.length}:${columns.join(',')}`,
    values: valuesOf(rows as Record<string, unknown>[], columns),
    build: (db, slots) => {
      const rowsOfSlots = rows.map((_, r) => Object.fromEntries(columns.map((column, c) => [column, slots[r * columns.length + c]])));
      return insertRows(table, rowsOfSlots as Insertable<DB[T]>[], onConflict)(db);
    },
  };
  return build;
}

/** The rows' values, column by column and row by row (a loop: flatMap is slow in V8). */
function valuesOf(rows: Record<string, unknown>[], columns: string[]): unknown[] {
  const values: unknown[] = [];
  for (const row of rows) for (const column of columns) values.push(row[column]);
  return values;
}

/** The row names exactly `columns`, in order, each with a value bound as it is. */
function sameColumns(row: Record<string, unknown>, columns: string[]): boolean {
  const keys = Object.keys(row);
  return keys.length === columns.length && keys.every((key, i) => key === columns[i] && bindable(row[key]));
}

const bindable = (value: unknown) => value === null || ['string', 'number', 'bigint', 'boolean'].includes(typeof value);
