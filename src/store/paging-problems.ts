import type { Kysely } from 'kysely';
import type { PlanWarning } from '../core/escalation/paging-plan.js';
import type { DB } from './schema.js';

export interface PagingProblem {
  policyId: string;
  policyName: string;
  teamId: string;
  since: number;
  checkedAt: number;
  warnings: PlanWarning[];
}

function selectProblems(db: Kysely<DB>) {
  return db
    .selectFrom('paging_problems as p')
    .innerJoin('escalation_policies as e', 'e.id', 'p.policy_id')
    .select(['p.policy_id', 'e.name', 'e.team_id', 'p.since', 'p.checked_at', 'p.warnings']);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectProblems>['executeTakeFirstOrThrow']>>;

const toProblem = (r: Row): PagingProblem => ({
  policyId: r.policy_id,
  policyName: r.name,
  teamId: r.team_id,
  since: r.since,
  checkedAt: r.checked_at,
  warnings: JSON.parse(r.warnings) as PlanWarning[],
});

export async function listPagingProblems(db: Kysely<DB>): Promise<PagingProblem[]> {
  return (await selectProblems(db).orderBy('p.since').orderBy('p.policy_id').execute()).map(toProblem);
}

export async function pagingProblemsOf(db: Kysely<DB>, policyIds: string[]): Promise<Map<string, PagingProblem>> {
  if (policyIds.length === 0) return new Map();
  const rows = await selectProblems(db).where('p.policy_id', 'in', policyIds).execute();
  return new Map(rows.map((r) => [r.policy_id, toProblem(r)]));
}

/**
 * Records that a policy has a problem now. Returns true only for the call that created
 * the row: the onset, which several nodes checking at once still see exactly once.
 */
export async function recordPagingProblem(db: Kysely<DB>, policyId: string, warnings: PlanWarning[], now: number): Promise<boolean> {
  const json = JSON.stringify(warnings);
  const updated = await db.updateTable('paging_problems').set({ checked_at: now, warnings: json }).where('policy_id', '=', policyId).executeTakeFirst();
  if (updated.numUpdatedRows > 0n) return false;
  const inserted = await db
    .insertInto('paging_problems')
    .values({ policy_id: policyId, since: now, checked_at: now, warnings: json })
    .onConflict((oc) => oc.column('policy_id').doNothing())
    .executeTakeFirst();
  return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function clearPagingProblem(db: Kysely<DB>, policyId: string): Promise<void> {
  await db.deleteFrom('paging_problems').where('policy_id', '=', policyId).execute();
}
