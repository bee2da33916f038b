import type { Kysely } from 'kysely';
import type { FieldError } from '../core/errors.js';
import type { PolicyStep, Target } from '../core/escalation/types.js';
import type { DB } from '../store/schema.js';

/** What a target points at outside its policy's team; webhooks and Slack URLs point at no team. */
function referenceKey(t: Target): string | null {
  switch (t.type) {
    case 'schedule':
    case 'schedule_layer':
    case 'schedule_all_layers':
      return `schedule:${t.scheduleId}`;
    case 'team':
      return `team:${t.teamId}`;
    case 'user':
      return `user:${t.userId}`;
    default:
      return null;
  }
}

/**
 * The targets of a team's policy that reach beyond the team: another team's schedule,
 * another team, or someone who is not a member. Only admins may write those (paging
 * another team is their call, not one team's). References the policy already had
 * (`kept`, e.g. set by an admin) stay allowed, so members can still edit the rest.
 */
export async function crossTeamTargets(db: Kysely<DB>, teamId: string, steps: PolicyStep[], kept: PolicyStep[] = []): Promise<FieldError[]> {
  const allowed = new Set(kept.flatMap((s) => s.targets.map(referenceKey)));
  const errors: FieldError[] = [];
  for (const [i, step] of steps.entries()) {
    for (const [j, t] of step.targets.entries()) {
      const key = referenceKey(t);
      if (key === null || allowed.has(key)) continue;
      const path = `/body/steps/${i}/targets/${j}`;
      if (t.type === 'team' && t.teamId !== teamId) errors.push({ path: `${path}/teamId`, message: 'is another team: only an admin can page another team' });
      if (t.type === 'user') {
        const member = await db.selectFrom('team_members').select('user_id').where('team_id', '=', teamId).where('user_id', '=', t.userId).executeTakeFirst();
        if (!member) errors.push({ path: `${path}/userId`, message: "is not a member of the policy's team: only an admin can page them from it" });
      }
      if (t.type === 'schedule' || t.type === 'schedule_layer' || t.type === 'schedule_all_layers') {
        const schedule = await db.selectFrom('schedules').select('team_id').where('id', '=', t.scheduleId).executeTakeFirst();
        if (schedule && schedule.team_id !== teamId) errors.push({ path: `${path}/scheduleId`, message: "belongs to another team: only an admin can page another team's schedule" });
      }
    }
  }
  return errors;
}
