import type { Kysely } from 'kysely';
import { pagingPlan, type ChannelKind, type PagingPlan, type PlanPolicy, type PlanWorld } from '../core/escalation/paging-plan.js';
import type { Instant } from '../core/escalation/types.js';
import { resolveHistoryAt, type ScheduleHistory } from '../core/schedule/history.js';
import type { Resolution } from '../core/schedule/types.js';
import { loadPeople } from '../store/people.js';
import type { DB } from '../store/schema.js';
import { listMembers } from '../store/teams.js';
import { scheduleCache } from './schedule-cache.js';

/** Everyone a schedule's history could put on call: whoever the plan may meet there. */
function peopleOf(history: ScheduleHistory): string[] {
  return [
    ...history.layers.flatMap((l) => l.versions.flatMap((v) => [...v.members, ...(v.carryOver ? [v.carryOver.userId] : [])])),
    ...history.overrides.map((o) => o.userId),
    ...history.fixedShifts.map((f) => f.userId),
  ];
}

/**
 * Loads what the policy's targets refer to (schedule histories, team rosters, people with
 * their contact methods and rules, as they are now) and plans the paging from `at`.
 * Schedules are resolved at each step's own instant, like the engine would.
 */
export async function planPaging(db: Kysely<DB>, policy: PlanPolicy, at: Instant, configured: ReadonlySet<ChannelKind>): Promise<PagingPlan> {
  const targets = policy.steps.flatMap((s) => s.targets);
  // A deleted schedule stays missing: the plan warns about it.
  const histories = await scheduleCache.histories(db, targets.flatMap((t) => ('scheduleId' in t ? [t.scheduleId] : [])), at);
  const teams = new Map<string, string[]>();
  const userIds = new Set<string>();
  for (const t of targets) {
    if (t.type === 'team' && !teams.has(t.teamId)) {
      const exists = await db.selectFrom('teams').select('id').where('id', '=', t.teamId).executeTakeFirst();
      if (exists) teams.set(t.teamId, (await listMembers(db, t.teamId)).map((m) => m.userId));
    }
    if (t.type === 'user') userIds.add(t.userId);
  }
  for (const members of teams.values()) members.forEach((id) => userIds.add(id));
  for (const history of histories.values()) peopleOf(history).forEach((id) => userIds.add(id));
  const people = new Map((await loadPeople(db, userIds)).map((p) => [p.id, p]));

  const resolutions = new Map<string, Resolution>();
  const world: PlanWorld = {
    schedule(scheduleId, instant) {
      const history = histories.get(scheduleId);
      if (!history) return null;
      const key = `${scheduleId}@${instant}`;
      let resolution = resolutions.get(key);
      if (!resolution) resolutions.set(key, (resolution = resolveHistoryAt(history, instant)));
      return resolution;
    },
    team: (teamId) => teams.get(teamId) ?? null,
    person: (userId) => people.get(userId),
    configured,
  };
  return pagingPlan(policy, at, world);
}
