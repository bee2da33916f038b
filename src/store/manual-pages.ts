import { sql, type Kysely } from 'kysely';
import { newId } from './ids.js';
import type { DB } from './schema.js';

export const MANUAL_PAGES_NAME = 'Manual pages';

/**
 * The team's "Manual pages" monitor, made in the caller's transaction the first time
 * anyone pages by hand for the team. Two first pages racing each other make one: the
 * partial unique index (migration 0034) turns the second insert into nothing, and the
 * read after it finds the winner's row (on PostgreSQL, once the winner has committed).
 * Not audited: nobody configured it, and it has nothing to configure.
 */
export async function manualPagesMonitor(db: Kysely<DB>, teamId: string, now: number): Promise<string> {
  await db
    .insertInto('monitors')
    .values({
      id: newId(),
      team_id: teamId,
      name: MANUAL_PAGES_NAME,
      kind: 'manual',
      policy_id: null,
      config: '{}',
      paused: 0,
      created_at: now,
      updated_at: now,
      integration_key_hash: null,
      heartbeat_due_at: null,
      next_check_at: null,
      check_interval_ms: null,
      check_state: null,
      urgency: 'high',
      system: 1,
    })
    // The conflict target must restate the index's condition, as a literal, to name it.
    .onConflict((oc) => oc.column('team_id').where(sql.ref('system'), '=', sql.lit(1)).doNothing())
    .execute();
  const row = await db.selectFrom('monitors').select('id').where('team_id', '=', teamId).where('system', '=', 1).executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Before a team's things move to another team (the team is deleted with replaceWith): a
 * team has one Manual pages monitor, so when both have one, the leaving team's incidents
 * join the other's and its own goes; otherwise it simply moves with the rest.
 */
export async function foldManualPages(db: Kysely<DB>, from: string, to: string): Promise<void> {
  const ids = await db.selectFrom('monitors').select(['id', 'team_id']).where('team_id', 'in', [from, to]).where('system', '=', 1).execute();
  const leaving = ids.find((r) => r.team_id === from)?.id;
  const staying = ids.find((r) => r.team_id === to)?.id;
  if (leaving === undefined || staying === undefined) return;
  await db.updateTable('incidents').set({ monitor_id: staying }).where('monitor_id', '=', leaving).execute();
  // Pages keep their incident's monitor for analytics (migration 0035).
  await db.updateTable('notifications').set({ incident_monitor_id: staying }).where('incident_monitor_id', '=', leaving).execute();
  await db.deleteFrom('monitors').where('id', '=', leaving).execute();
}
