import type { Kysely } from 'kysely';
import type { PolicyStep, Target } from '../core/escalation/types.js';
import type { EventRule } from '../core/event-rules/types.js';
import type { Reference, Settlement } from '../core/in-use.js';
import type { Instant } from '../core/schedule/types.js';
import { ruleApplies } from '../core/escalation/urgency.js';
import { rulesOf, type RuleWithMethod } from './contacts.js';
import type { Dialect } from './database.js';
import { loadSchedule, type StoredSchedule } from './schedules.js';
import type { DB } from './schema.js';

// Who relies on what, for deletions that would otherwise leave paging reaching nobody.
// Policy steps are JSON, so they are matched here in code (the same on both databases);
// a LIKE on the id only narrows the rows to parse.

type Db = Kysely<DB>;

/**
 * Holds the row a guarded deletion is about to remove (PostgreSQL; SQLite runs one write
 * transaction at a time). A policy saved meanwhile share-locks the rows it names (see
 * checkPolicyTargets), so it either commits first and the scan sees it, or fails its check.
 */
export async function lockForDeletion(db: Db, dialect: Dialect, table: 'users' | 'teams' | 'schedules', id: string): Promise<void> {
  if (dialect === 'postgres') await db.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}

/** Every policy step target `matches` accepts, one reference per target; `needle`: an id the targets must contain. */
async function policyTargetReferences(db: Db, needle: string | undefined, matches: (t: Target) => boolean, settledBy: Settlement[]): Promise<Reference[]> {
  const rows = await db
    .selectFrom('escalation_policies')
    .select(['id', 'name', 'steps'])
    .$if(needle !== undefined, (q) => q.where('steps', 'like', `%${needle}%`))
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.flatMap((row) =>
    (JSON.parse(row.steps) as PolicyStep[]).flatMap((step, i) =>
      step.targets.filter(matches).map((t): Reference => ({ kind: 'policy', id: row.id, name: row.name, via: 'target', step: i, targetType: t.type, settledBy })),
    ),
  );
}

export const isScheduleTarget = (t: Target): t is Extract<Target, { scheduleId: string }> =>
  t.type === 'schedule' || t.type === 'schedule_layer' || t.type === 'schedule_all_layers';

/** Policy steps that page through a schedule (its primary, one layer or all layers). */
export function scheduleReferences(db: Db, scheduleId: string): Promise<Reference[]> {
  return policyTargetReferences(db, scheduleId, (t) => isScheduleTarget(t) && t.scheduleId === scheduleId, ['force', 'replaceWith']);
}

/** Policy steps that page one layer of a schedule. */
export function layerReferences(db: Db, layerId: string): Promise<Reference[]> {
  return policyTargetReferences(db, layerId, (t) => t.type === 'schedule_layer' && t.layerId === layerId, ['force']);
}

/** Policy steps that page one user directly. */
export function userTargetReferences(db: Db, userId: string): Promise<Reference[]> {
  return policyTargetReferences(db, userId, (t) => t.type === 'user' && t.userId === userId, ['force', 'replaceWith']);
}

/** Policy steps that page a whole team. */
export function teamTargetReferences(db: Db, teamId: string, settledBy: Settlement[]): Promise<Reference[]> {
  return policyTargetReferences(db, teamId, (t) => t.type === 'team' && t.teamId === teamId, settledBy);
}

/** Monitors that page through a policy. */
export async function policyReferences(db: Db, policyId: string): Promise<Reference[]> {
  const rows = await db.selectFrom('monitors').select(['id', 'name']).where('policy_id', '=', policyId).orderBy('name').orderBy('id').execute();
  const monitors = rows.map((m): Reference => ({ kind: 'monitor', id: m.id, name: m.name, via: 'policy', settledBy: ['replaceWith'] }));
  return [...monitors, ...(await ruleRouteReferences(db, policyId))];
}

/**
 * Event rules that route alerts to a policy. Without it their alerts would quietly page
 * through their monitor's own policy instead (ingest never loses an alert to a stale rule),
 * so its deletion waits until they are pointed elsewhere. The global list comes first.
 */
async function ruleRouteReferences(db: Db, policyId: string): Promise<Reference[]> {
  const rows = await db
    .selectFrom('event_rules as r')
    .leftJoin('monitors as m', 'm.id', 'r.monitor_id')
    .select(['r.id', 'r.name', 'r.rule', 'r.monitor_id', 'm.name as monitor_name'])
    .where('r.rule', 'like', `%${policyId}%`)
    .orderBy('r.position')
    .execute();
  return rows
    .filter((r) => (JSON.parse(r.rule) as Pick<EventRule, 'then'>).then.policyId === policyId)
    .sort((a, b) => (a.monitor_name ?? '').localeCompare(b.monitor_name ?? '') || (a.monitor_id ?? '').localeCompare(b.monitor_id ?? ''))
    .map((r) => ({
      kind: 'event_rule',
      id: r.id,
      name: r.name,
      via: 'route',
      ...(r.monitor_id !== null && { monitorId: r.monitor_id, monitorName: r.monitor_name ?? '' }),
      settledBy: ['replaceWith'],
    }));
}

/** Schedules, policies and monitors a team owns. */
export async function ownedReferences(db: Db, teamId: string): Promise<Reference[]> {
  const owned = (table: 'schedules' | 'escalation_policies' | 'monitors') =>
    db.selectFrom(table).select(['id', 'name']).where('team_id', '=', teamId).orderBy('name').orderBy('id').execute();
  const [schedules, policies, monitors] = await Promise.all([owned('schedules'), owned('escalation_policies'), owned('monitors')]);
  const refs = (kind: Reference['kind'], rows: { id: string; name: string }[]) =>
    rows.map((r): Reference => ({ kind, id: r.id, name: r.name, via: 'owner', settledBy: ['replaceWith'] }));
  return [...refs('schedule', schedules), ...refs('policy', policies), ...refs('monitor', monitors)];
}

/** Layers whose roster includes the user from `now` on (the version in force or a scheduled one). */
function rosterLayers(stored: StoredSchedule, userId: string, now: Instant): { id: string; name: string }[] {
  const fromNow = <T extends { effectiveFrom: Instant }>(items: T[]) => items.filter((item, i) => item.effectiveFrom > now || (items[i + 1]?.effectiveFrom ?? Infinity) > now);
  const layerIds = new Set(fromNow(stored.structures).flatMap((s) => s.layerIds));
  return stored.layers.filter(
    (layer) =>
      layerIds.has(layer.id) &&
      fromNow(layer.versions).some((v) => v.members.includes(userId) || (v.carryOver?.userId === userId && v.carryOver.until > now)),
  );
}

/**
 * Schedule layers the user is on from `now` on: deleting them leaves their turns paging
 * nobody. Only force settles it: rosters change through versioned edits, never behind
 * the editor's back.
 */
export async function rosterReferences(db: Db, userId: string, now: Instant): Promise<Reference[]> {
  const candidates = await db
    .selectFrom('layer_versions as v')
    .innerJoin('schedule_layers as l', 'l.id', 'v.layer_id')
    .select('l.schedule_id')
    .distinct()
    .where('v.config', 'like', `%${userId}%`)
    .execute();
  const refs: Reference[] = [];
  for (const { schedule_id } of candidates) {
    const stored = await loadSchedule(db, schedule_id, { from: now, to: now + 1 });
    for (const layer of rosterLayers(stored, userId, now)) {
      refs.push({ kind: 'schedule', id: stored.row.id, name: stored.row.name, via: 'roster', layerId: layer.id, layerName: layer.name, settledBy: ['force'] });
    }
  }
  return refs;
}

/**
 * Policy steps that may page the user: directly, through a team they belong to, or
 * through a schedule they are on (roster, override or fixed shift from `now` on).
 */
export async function pagingReferences(db: Db, userId: string, now: Instant, settledBy: Settlement[]): Promise<Reference[]> {
  const [teams, rosters, overrides, shifts] = await Promise.all([
    db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute(),
    rosterReferences(db, userId, now),
    db.selectFrom('schedule_overrides').select('schedule_id').where('user_id', '=', userId).where('end_at', '>', now).execute(),
    db.selectFrom('fixed_shifts').select('schedule_id').where('user_id', '=', userId).where('end_at', '>', now).execute(),
  ]);
  const teamIds = new Set(teams.map((t) => t.team_id));
  const scheduleIds = new Set([...rosters.map((r) => r.id), ...overrides.map((o) => o.schedule_id), ...shifts.map((s) => s.schedule_id)]);
  const pages = (t: Target) =>
    (t.type === 'user' && t.userId === userId) ||
    (t.type === 'team' && teamIds.has(t.teamId)) ||
    (isScheduleTarget(t) && scheduleIds.has(t.scheduleId));
  return policyTargetReferences(db, undefined, pages, settledBy);
}

/**
 * Policy steps paging a team the user is the last member of (or only `teamId`): once
 * they leave, the team target reaches nobody.
 */
export async function lastMemberReferences(db: Db, userId: string, teamId?: string): Promise<Reference[]> {
  const teams = await db
    .selectFrom('team_members as m')
    .innerJoin('team_members as peer', 'peer.team_id', 'm.team_id')
    .select(['m.team_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('m.user_id', '=', userId)
    .$if(teamId !== undefined, (q) => q.where('m.team_id', '=', teamId as string))
    .groupBy('m.team_id')
    .execute();
  const lonely = teams.filter((t) => Number(t.n) === 1).map((t) => t.team_id);
  return (await Promise.all(lonely.map((id) => teamTargetReferences(db, id, ['force'])))).flat();
}

/**
 * Policy steps that would page the user in vain once the rules `leaving` picks are gone
 * (with their contact method): nothing if another verified method with a rule for
 * high-urgency incidents remains, or if none existed before.
 */
export async function reachabilityReferences(db: Db, userId: string, leaving: (rule: RuleWithMethod) => boolean, now: Instant): Promise<Reference[]> {
  const rules = (await rulesOf(db, [userId])).filter((r) => ruleApplies(r.urgency, 'high'));
  if (rules.length === 0 || rules.some((r) => !leaving(r))) return [];
  return pagingReferences(db, userId, now, ['force']);
}
