import type { Kysely } from 'kysely';
import type { ChannelKind, PlanWarning } from '../core/escalation/paging-plan.js';
import type { PolicyStep } from '../core/escalation/types.js';
import { enqueue, type OutboxEntry } from '../store/notifications.js';
import { clearPagingProblem, listPagingProblems, recordPagingProblem } from '../store/paging-problems.js';
import { rulesOf } from '../store/contacts.js';
import type { DB, EscalationPoliciesTable } from '../store/schema.js';
import { planPaging } from './paging-plan.js';
import { transact } from '../store/transact.js';

export interface PagingHealthDeps {
  db: Kysely<DB>;
  configured: ReadonlySet<ChannelKind>;
  /** For the link in the notice to managers. */
  baseUrl: string;
}

type PolicyRow = EscalationPoliciesTable;

/** Why the policy's first step would reach nobody with a working method now; null when it reaches someone. */
export async function firstStepProblem(db: Kysely<DB>, policy: PolicyRow, now: number, configured: ReadonlySet<ChannelKind>): Promise<PlanWarning[] | null> {
  const steps = (JSON.parse(policy.steps) as PolicyStep[]).slice(0, 1);
  const plan = await planPaging(db, { steps, repeat: 0 }, now, configured);
  return plan.steps[0]?.reachable === false ? plan.warnings : null;
}

/**
 * Checks every policy (or the given ones): a first step that reaches nobody is recorded
 * with its warnings, and its onset is told to the team's managers once; a policy that
 * reaches someone again is cleared. Returns how many policies have a problem.
 */
export async function checkPagingHealth(deps: PagingHealthDeps, now: number, policyIds?: string[]): Promise<number> {
  const { db } = deps;
  if (policyIds?.length === 0) return 0;
  const policies = await db
    .selectFrom('escalation_policies')
    .selectAll()
    .$if(policyIds !== undefined, (q) => q.where('id', 'in', policyIds as string[]))
    .execute();
  const flagged = new Set((await listPagingProblems(db)).map((p) => p.policyId));
  let problems = 0;
  for (const policy of policies) {
    const warnings = await firstStepProblem(db, policy, now, deps.configured);
    if (!warnings) {
      if (flagged.has(policy.id)) await clearPagingProblem(db, policy.id);
      continue;
    }
    problems++;
    await transact(db, async (trx) => {
      if (await recordPagingProblem(trx, policy.id, warnings, now)) await noticeManagers(trx, deps, policy, warnings, now);
    });
  }
  return problems;
}

/**
 * Tells the policy's team managers, through the first method of their rules that is
 * verified, configured and not a call (a notice is text); if no manager can be reached
 * that way, the owners are told instead, so the onset is never silent.
 */
async function noticeManagers(trx: Kysely<DB>, deps: PagingHealthDeps, policy: PolicyRow, warnings: PlanWarning[], since: number): Promise<void> {
  const managers = await trx.selectFrom('team_members').select('user_id').where('team_id', '=', policy.team_id).where('role', '=', 'manager').execute();
  let entries = await noticeEntries(trx, deps, policy, warnings, since, managers.map((m) => m.user_id));
  if (entries.length === 0) {
    const owners = await trx.selectFrom('users').select('id').where('role', '=', 'owner').execute();
    entries = await noticeEntries(trx, deps, policy, warnings, since, owners.map((o) => o.id));
  }
  await enqueue(trx, entries, since);
}

async function noticeEntries(trx: Kysely<DB>, deps: PagingHealthDeps, policy: PolicyRow, warnings: PlanWarning[], since: number, userIds: string[]): Promise<OutboxEntry[]> {
  const working = new Map<string, Awaited<ReturnType<typeof rulesOf>>[number]>();
  for (const rule of await rulesOf(trx, userIds)) {
    if (rule.kind !== 'voice' && deps.configured.has(rule.kind) && !working.has(rule.userId)) working.set(rule.userId, rule);
  }
  const reasons = warnings.map((w) => `- ${w.target === undefined ? '' : `target ${w.target + 1}: `}${w.message}`);
  const text = [
    `If an incident on the escalation policy "${policy.name}" triggered now, its first step would reach nobody:`,
    ...reasons,
    `See the paging plan: ${deps.baseUrl}/escalation-policies/${policy.id}`,
  ].join('\n');
  return [...working.values()].map((rule) => ({
    // One notice per person and onset, however many nodes find the problem.
    idempotencyKey: `paging-health:${policy.id}:${since}:${rule.userId}`,
    incidentId: null,
    userId: rule.userId,
    contactMethodId: rule.contactMethodId,
    channel: rule.kind,
    address: rule.address,
    dueAt: since,
    notice: { subject: `Escalation policy "${policy.name}" reaches nobody`, text },
  }));
}
