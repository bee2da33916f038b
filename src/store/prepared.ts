import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import { LruMap } from '../core/lru-map.js';
import type { DB } from './schema.js';

/** Stands for an argument while the query is built: the place where it lands among the parameters. */
class Slot {
  constructor(readonly argument: number) {}
}

interface Plan {
  sql: string;
  /** The compiled parameters, with a Slot where an argument goes. */
  parameters: readonly unknown[];
  /** Parameter position → argument index. */
  slots: [number, number][];
}

/** Compiled plans per database (its adapter: one per Kysely instance, shared by its transactions), then per shape, the `shapes` used last. */
export class Plans {
  private readonly byDatabase = new WeakMap<object, LruMap<unknown, Plan>>();

  constructor(private readonly shapes = 1) {}

  of(db: Kysely<DB>): LruMap<unknown, Plan> {
    const adapter = db.getExecutor().adapter;
    let kept = this.byDatabase.get(adapter);
    if (!kept) this.byDatabase.set(adapter, (kept = new LruMap(this.shapes)));
    return kept;
  }
}

/**
 * A query built and compiled once per database, then run with new argument values.
 * Kysely builds and compiles a query afresh on every call; for the statements of every
 * ingest batch and every engine pass (the same text each time) that was about a tenth of
 * the main thread in an alert storm.
 *
 * `build` is called once per database (its dialect decides the text) with placeholders for
 * the arguments, so each argument must reach the query as a bound value (in a comparison,
 * a `set`, `values` or `limit`), never be looked at, inlined, or spread into a list: the
 * first run throws when an argument is not found among the parameters. A query whose text
 * depends on its arguments (an `in` list, an optional filter) is no query for this.
 */
export function prepared<A extends unknown[], R>(build: (db: Kysely<DB>, ...args: A) => Compilable<R>): (db: Kysely<DB>, ...args: A) => Promise<R[]> {
  const plans = new Plans();
  return (db, ...args) => runPlanned(db, plans, null, args, (placeholders) => build(db, ...(placeholders as A)));
}

/**
 * prepared, for a query with one list of values (an `in`): compiled once per length of the
 * list, the `lengths` used last kept. In an alert storm the dedup keys of a batch come in
 * a few counts (as many as the requests it holds).
 */
export function preparedPerLength<L, A extends unknown[], R>(
  build: (db: Kysely<DB>, list: L[], ...args: A) => Compilable<R>,
  lengths = 32,
): (db: Kysely<DB>, list: L[], ...args: A) => Promise<R[]> {
  const plans = new Plans(lengths);
  return (db, list, ...args) =>
    runPlanned(db, plans, list.length, [...list, ...args], (placeholders) => build(db, placeholders.slice(0, list.length) as L[], ...(placeholders.slice(list.length) as A)));
}

/**
 * Runs `args` through the plan kept in `plans` for `db` and `shape`, building it first with
 * `build` (given a placeholder per argument) when there is none: prepared's engine, for
 * statements with one text per shape (a multi-row insert, per number of rows).
 */
export async function runPlanned<R>(db: Kysely<DB>, plans: Plans, shape: unknown, args: readonly unknown[], build: (placeholders: unknown[]) => Compilable<R>): Promise<R[]> {
  const byShape = plans.of(db);
  let plan = byShape.get(shape);
  if (!plan) {
    plan = planOf(build(args.map((_, i) => new Slot(i))).compile(), args.length);
    byShape.set(shape, plan);
  }
  const parameters = [...plan.parameters];
  for (const [position, argument] of plan.slots) parameters[position] = args[argument];
  return (await db.executeQuery(CompiledQuery.raw(plan.sql, parameters) as CompiledQuery<R>)).rows;
}

function planOf(compiled: CompiledQuery, argumentCount: number): Plan {
  const slots: [number, number][] = [];
  compiled.parameters.forEach((value, position) => {
    if (value instanceof Slot) slots.push([position, value.argument]);
  });
  const bound = new Set(slots.map(([, argument]) => argument));
  for (let argument = 0; argument < argumentCount; argument++) {
    if (!bound.has(argument)) throw new Error(`prepared query: argument ${argument} is not a bound parameter of ${compiled.sql}`);
  }
  return { sql: compiled.sql, parameters: compiled.parameters, slots };
}
