import { sql, type Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import type { Dialect } from './database.js';
import type { DB } from './schema.js';

// Schedules and escalation policies are picked by name (policy targets, a monitor's
// policy), so two of one kind in a team may not share a name. There is no unique index:
// databases from before this rule may hold duplicates, and those must stay readable and
// editable. The check runs in the transaction that writes the name instead.

export type NamedKind = 'schedule' | 'policy';

const tables = { schedule: 'schedules', policy: 'escalation_policies' } as const;
const words = { schedule: 'schedule', policy: 'escalation policy' } as const;

/** How names compare: surrounding spaces and letter case do not tell two apart. */
export const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Refuses (409 name_taken on /body/name) a name another schedule or policy of the team
 * already has; `exceptId` is the one being renamed. On PostgreSQL concurrent writers of
 * one team and kind wait for each other on a transaction-scoped advisory lock, so two
 * requests cannot both see the name free; SQLite runs one write transaction at a time.
 * Compared in code rather than SQL: SQLite's lower() folds ASCII only.
 */
export async function refuseTakenName(trx: Kysely<DB>, dialect: Dialect, kind: NamedKind, teamId: string, name: string, exceptId?: string): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`vigil names ${kind} ${teamId}`}))`.execute(trx);
  const rows = await trx
    .selectFrom(tables[kind])
    .select(['id', 'name'])
    .where('team_id', '=', teamId)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId as string))
    .execute();
  const taken = rows.find((row) => sameName(row.name, name));
  if (taken === undefined) return;
  throw new AppError('name_taken', `This team already has a ${words[kind]} called "${taken.name.trim()}"`, [
    { path: '/body/name', message: `Another ${words[kind]} of this team is called "${taken.name.trim()}": pick a name people can tell apart` },
  ]);
}
