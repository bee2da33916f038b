import type { Kysely } from 'kysely';
import { AppError, type FieldError } from '../core/errors.js';
import { oneStepPolicy, type ManualPageTarget } from '../core/escalation/manual-page.js';
import type { PolicySnapshot } from '../core/escalation/types.js';
import type { Urgency } from '../core/escalation/urgency.js';
import type { Database } from '../store/database.js';
import { newId } from '../store/ids.js';
import type { IncidentRow } from '../store/incidents.js';
import { manualPagesMonitor } from '../store/manual-pages.js';
import { findPolicy, snapshotOf } from '../store/policies.js';
import type { DB } from '../store/schema.js';
import { findMembership, teamIdsOf } from '../store/teams.js';
import { findUser } from '../store/users.js';
import { openIncidents } from './apply-transition.js';
import { transact } from '../store/transact.js';

/** Where a manual page goes, worked out from its target: the policy it runs and the team it is for. */
export interface PagePlan {
  teamId: string;
  policy: PolicySnapshot;
}

const TARGET = '/body/target/id';
const TEAM = '/body/teamId';
const invalid = (path: string, message: string) => new AppError('invalid_page', undefined, [{ path, message }]);

/**
 * The policy and team of a page to `target`. The team defaults to the target's own (a
 * user's only team). Paging another team's policy, schedule or people from a team, as
 * in a policy step, takes an admin (`mayCrossTeams`); whether the caller may page for the
 * team at all is the caller's to ask (incident rights).
 */
export async function planManualPage(db: Kysely<DB>, target: ManualPageTarget, teamId: string | undefined, mayCrossTeams: boolean): Promise<PagePlan> {
  if (teamId !== undefined && !(await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) {
    throw invalid(TEAM, 'is not an existing team');
  }
  const crossing = (ownerTeam: string, what: string): FieldError[] =>
    teamId === undefined || teamId === ownerTeam || mayCrossTeams ? [] : [{ path: TARGET, message: `${what}: only an admin can page it for another team` }];
  const plan = async (ownerTeam: string, what: string, policy: PolicySnapshot): Promise<PagePlan> => {
    const refused = crossing(ownerTeam, what);
    if (refused.length > 0) throw new AppError('forbidden', "Only an admin can page another team's people, schedules or policies", refused);
    return { teamId: teamId ?? ownerTeam, policy };
  };
  switch (target.type) {
    case 'policy': {
      const row = await findPolicy(db, target.id);
      if (!row) throw invalid(TARGET, 'is not an existing escalation policy');
      return plan(row.team_id, 'belongs to another team', snapshotOf(row));
    }
    case 'schedule': {
      const row = await db.selectFrom('schedules').select(['team_id', 'name']).where('id', '=', target.id).executeTakeFirst();
      if (!row) throw invalid(TARGET, 'is not an existing schedule');
      return plan(row.team_id, 'belongs to another team', oneStepPolicy(target, newId(), `Manual page to the on-call of ${row.name}`));
    }
    case 'team': {
      const row = await db.selectFrom('teams').select('name').where('id', '=', target.id).executeTakeFirst();
      if (!row) throw invalid(TARGET, 'is not an existing team');
      return plan(target.id, 'is another team', oneStepPolicy(target, newId(), `Manual page to team ${row.name}`));
    }
    case 'user': {
      const user = await findUser(db, target.id);
      if (!user) throw invalid(TARGET, 'is not an existing user');
      const policy = oneStepPolicy(target, newId(), `Manual page to ${user.name}`);
      if (teamId !== undefined) {
        const member = (await findMembership(db, teamId, user.id)) !== undefined;
        return plan(member ? teamId : '', 'is not a member of the team', policy);
      }
      const teams = [...(await teamIdsOf(db, user.id))];
      if (teams.length === 1) return { teamId: teams[0] as string, policy };
      throw invalid(TEAM, teams.length === 0 ? `is required: ${user.name} is in no team` : `is required: ${user.name} is in several teams; say which one pages them`);
    }
  }
}

export interface ManualPage {
  title: string;
  message: string;
  urgency: Urgency;
  /** The person paging, named on the timeline's `triggered` entry. */
  by: string;
}

/**
 * Opens the incident of a page sent by hand, under the team's Manual pages monitor (made
 * on the team's first page, in the same transaction), and fires its first step at once.
 * Never deduplicated: each page is an incident. It carries no alert: nothing alerted.
 */
export function pageManually(database: Database, plan: PagePlan, page: ManualPage, now: number): Promise<IncidentRow> {
  return transact(database.db, async (trx) => {
    const monitorId = await manualPagesMonitor(trx, plan.teamId, now);
    const [incident] = await openIncidents(trx, plan.policy, page.urgency, [{ monitorId, title: page.title, description: page.message, dedupKey: null, alertCount: 0 }], now, page.by);
    return incident as IncidentRow;
  });
}
