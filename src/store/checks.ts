import { sql, type Kysely, type Selectable } from 'kysely';
import type { CheckOutcome, CheckState } from '../core/monitor/types.js';
import { DAY, HOUR } from '../core/time/units.js';
import { insertRows, type OnConflict } from './row-inserts.js';
import { writeEach } from './atomic-writes.js';
import { chunksOf, fixedRunsOf } from './chunks.js';
import type { Dialect } from './database.js';
import { prepared, preparedPerLength } from './prepared.js';
import type { CheckRollupsTable, DB, MonitorsTable } from './schema.js';
import { transact } from './transact.js';

export type ClaimedCheck = Pick<MonitorsTable, 'id' | 'name' | 'kind' | 'config' | 'check_state' | 'next_check_at' | 'check_interval_ms'>;

/**
 * Claims checked monitors that are due and moves each one's next check a whole number of
 * intervals on, keeping its phase: monitors stay spread over the interval however late a
 * node ran, and a node that dies mid-check costs one check, not a stuck monitor. On
 * PostgreSQL, nodes skip each other's locked rows, so every due check runs on one node.
 */
export function claimDueChecks(db: Kysely<DB>, dialect: Dialect, now: number, limit: number): Promise<ClaimedCheck[]> {
  return (dialect === 'postgres' ? claimSkippingLocked : claim)(db, now, limit);
}

// Every pass of the check scheduler claims: the same statement each time (prepared.ts).
const claimOf = (skipLocked: boolean) =>
  prepared((db: Kysely<DB>, now: number, limit: number) =>
    db
      .updateTable('monitors')
      .set({ next_check_at: sql<number>`next_check_at + check_interval_ms * (CAST((${now} - next_check_at) / check_interval_ms AS INTEGER) + 1)` })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('monitors')
          .select('id')
          .where('next_check_at', '<=', now)
          .where('paused', '=', 0)
          .orderBy('next_check_at')
          .limit(limit)
          .$if(skipLocked, (q) => q.forUpdate().skipLocked()),
      )
      .returning(['id', 'name', 'kind', 'config', 'check_state', 'next_check_at', 'check_interval_ms']),
  );
const claim = claimOf(false);
const claimSkippingLocked = claimOf(true);

export interface CheckRecord {
  monitorId: string;
  at: number;
  outcome: CheckOutcome;
  maintenance: boolean;
  state: CheckState;
}

/**
 * Writes a batch of finished checks in one transaction: results, hourly rollups, states.
 * Checks of monitors deleted meanwhile are dropped, so they cannot block the batch. Every
 * statement goes in runs of a few fixed lengths, planned per length (chunks.ts): a batch
 * is whatever finished in the last moment, so its size varies from one to the next.
 */
export async function recordChecks(db: Kysely<DB>, batch: CheckRecord[]): Promise<void> {
  if (batch.length === 0) return;
  await transact(db, async (trx) => {
    const existing = new Set<string>();
    for (const run of fixedRunsOf([...new Set(batch.map((r) => r.monitorId))])) {
      for (const row of await existingOf(trx, run)) existing.add(row.id);
    }
    await writeChecks(trx, batch.filter((r) => existing.has(r.monitorId)));
  });
}

const existingOf = preparedPerLength((db: Kysely<DB>, ids: string[]) => db.selectFrom('monitors').select('id').where('id', 'in', ids));

async function writeChecks(trx: Kysely<DB>, records: CheckRecord[]): Promise<void> {
  const results = records.map((r) => ({
    monitor_id: r.monitorId,
    at: r.at,
    ok: r.outcome.ok ? 1 : 0,
    response_ms: r.outcome.responseMs,
    message: r.outcome.message,
    maintenance: r.maintenance ? 1 : 0,
  }));
  await writeEach(trx, [
    ...fixedRunsOf(results).map((run) => insertRows('check_results', run)),
    ...fixedRunsOf(hourlyRollups(records)).map((run) => insertRows('check_rollups', run, addToTheHour)),
  ]);
  // The last state of each monitor in the batch wins; one statement per run, not per monitor.
  const states = [...new Map(records.map((r) => [r.monitorId, JSON.stringify(r.state)]))];
  for (const run of fixedRunsOf(states)) await setStates(trx, run.flat());
}

/** A rollup of an hour already rolled up adds to its counts. */
const addToTheHour: OnConflict = {
  name: 'add-to-the-hour',
  clause: (oc) =>
    oc.columns(['monitor_id', 'hour']).doUpdateSet((eb) => ({
      checks: eb('check_rollups.checks', '+', eb.ref('excluded.checks')),
      up: eb('check_rollups.up', '+', eb.ref('excluded.up')),
      response_ms_sum: eb('check_rollups.response_ms_sum', '+', eb.ref('excluded.response_ms_sum')),
      response_count: eb('check_rollups.response_count', '+', eb.ref('excluded.response_count')),
      maintenance: eb('check_rollups.maintenance', '+', eb.ref('excluded.maintenance')),
    })),
};

/** Sets monitors' check states: `pairs` holds each monitor's id, then its state as JSON. */
const setStates = preparedPerLength((db: Kysely<DB>, pairs: string[]) => {
  const monitors = chunksOf(pairs, 2);
  return db
    .updateTable('monitors')
    .set({ check_state: sql<string>`CASE id ${sql.join(monitors.map(([id, state]) => sql`WHEN ${id} THEN ${state}`), sql` `)} END` })
    .where(
      'id',
      'in',
      monitors.map(([id]) => id as string),
    );
});

type Rollup = Selectable<CheckRollupsTable>;

/**
 * Checks outside maintenance, summed per monitor and hour; those inside are only counted
 * (status pages show them as up and the day as maintenance).
 */
function hourlyRollups(records: CheckRecord[]): Rollup[] {
  const rollups = new Map<string, Rollup>();
  for (const r of records) {
    const hour = r.at - (r.at % HOUR);
    const key = `${r.monitorId}/${hour}`;
    const rollup = rollups.get(key) ?? { monitor_id: r.monitorId, hour, checks: 0, up: 0, response_ms_sum: 0, response_count: 0, maintenance: 0 };
    rollups.set(key, rollup);
    if (r.maintenance) {
      rollup.maintenance += 1;
      continue;
    }
    rollup.checks += 1;
    rollup.up += r.outcome.ok ? 1 : 0;
    if (r.outcome.responseMs !== null) {
      rollup.response_ms_sum += r.outcome.responseMs;
      rollup.response_count += 1;
    }
  }
  return [...rollups.values()];
}

export interface Uptime {
  h24: number | null;
  d7: number | null;
  d30: number | null;
}

/** Percent of checks that passed (outside maintenance) over the last 24 h, 7 and 30 days, by whole hours. */
export async function uptime(db: Kysely<DB>, monitorId: string, now: number): Promise<Uptime> {
  const since = (ms: number) => now - (now % HOUR) - ms + HOUR;
  const rows = await db
    .selectFrom('check_rollups')
    .select(['hour', 'checks', 'up'])
    .where('monitor_id', '=', monitorId)
    .where('hour', '>=', since(30 * DAY))
    .execute();
  const percent = (from: number) => {
    let checks = 0;
    let up = 0;
    for (const r of rows) {
      if (r.hour < from) continue;
      checks += r.checks;
      up += r.up;
    }
    return checks === 0 ? null : Math.round((up / checks) * 100_000) / 1000;
  };
  return { h24: percent(since(DAY)), d7: percent(since(7 * DAY)), d30: percent(since(30 * DAY)) };
}

export interface HistoryPoint {
  at: number;
  checks: number;
  up: number;
  responseMs: number | null;
}

/** Every check of the last day. */
export async function recentResults(db: Kysely<DB>, monitorId: string, from: number): Promise<HistoryPoint[]> {
  const rows = await db
    .selectFrom('check_results')
    .select(['at', 'ok', 'response_ms', 'maintenance'])
    .where('monitor_id', '=', monitorId)
    .where('at', '>=', from)
    .orderBy('at')
    .execute();
  return rows.map((r) => ({ at: r.at, checks: 1, up: r.ok, responseMs: r.response_ms }));
}

/** One point per hour, from the rollups. */
export async function hourlyHistory(db: Kysely<DB>, monitorId: string, from: number): Promise<HistoryPoint[]> {
  // Hours of nothing but maintenance checks have no point, as before their count was kept.
  const rows = await db
    .selectFrom('check_rollups')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .where('hour', '>=', from)
    .where('checks', '>', 0)
    .orderBy('hour')
    .execute();
  return rows.map((r) => ({
    at: r.hour,
    checks: r.checks,
    up: r.up,
    responseMs: r.response_count === 0 ? null : Math.round(Number(r.response_ms_sum) / r.response_count),
  }));
}

/** Drops results and rollups past their retention. */
export async function pruneCheckHistory(db: Kysely<DB>, now: number, retention: { resultsDays: number; rollupsDays: number }): Promise<void> {
  await db.deleteFrom('check_results').where('at', '<', now - retention.resultsDays * DAY).execute();
  await db.deleteFrom('check_rollups').where('hour', '<', now - retention.rollupsDays * DAY).execute();
}
