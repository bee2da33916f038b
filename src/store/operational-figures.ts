import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

export interface OpenIncidents {
  team: string;
  status: 'triggered' | 'acknowledged';
  count: number;
}

/** Open incidents per owning team and state. */
export async function countOpenIncidents(db: Kysely<DB>): Promise<OpenIncidents[]> {
  const rows = await db
    .selectFrom('incidents as i')
    .innerJoin('monitors as m', 'm.id', 'i.monitor_id')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select((eb) => ['t.name as team', 'i.status', eb.fn.countAll().as('count')])
    .where('i.status', 'in', ['triggered', 'acknowledged'])
    .groupBy(['t.name', 'i.status'])
    .execute();
  return rows.map((r) => ({ team: r.team, status: r.status as OpenIncidents['status'], count: Number(r.count) }));
}

export type DueWork = 'step' | 'page' | 'check';

/**
 * The oldest due instant of one kind of work that is not done yet: escalation steps,
 * queued pages, checks; null when none is due. Read at scrape time, so work no node
 * takes (every node dead or stuck) shows up as a growing lag.
 */
export async function oldestDue(db: Kysely<DB>, work: DueWork, now: number): Promise<number | null> {
  const query =
    work === 'step'
      ? db.selectFrom('incidents').select((eb) => eb.fn.min('next_action_at').as('at')).where('next_action_at', '<=', now)
      : work === 'page'
        ? db.selectFrom('notifications').select((eb) => eb.fn.min('due_at').as('at')).where('status', '=', 'queued').where('due_at', '<=', now)
        : db.selectFrom('monitors').select((eb) => eb.fn.min('next_check_at').as('at')).where('next_check_at', '<=', now).where('paused', '=', 0);
  const row = await query.executeTakeFirst();
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}
