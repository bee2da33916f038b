import { deepEqual, fieldChanges, holds, type FieldChange } from './canonical.js';
import {
  monitorSettingKeys,
  type ConfigDocument,
  type ConfigMember,
  type ConfigMonitor,
  type ConfigPolicy,
  type ConfigRule,
  type ConfigSchedule,
  type ConfigTeam,
  type ConfigUser,
  type Ref,
} from './document.js';

/** A team's own fields; its members and objects are operations of their own. */
export type TeamFields = Pick<ConfigTeam, 'name' | 'description'>;

interface Step<K extends string, T> {
  action: 'create' | 'update' | 'delete';
  kind: K;
  /** The team it belongs to (memberships, schedules, policies, monitors). */
  team?: string;
  /** Its name, email (users, memberships) or "global" (the global event rules). */
  name: string;
  /** What it should be (create, update). */
  desired?: T;
  /** What it is (update, delete). */
  current?: T;
  /** For an update: the fields that change. */
  changes: FieldChange[];
}

export type Operation =
  | Step<'team', TeamFields>
  | Step<'user', ConfigUser>
  | Step<'membership', ConfigMember>
  | Step<'schedule', ConfigSchedule>
  | Step<'policy', ConfigPolicy>
  | Step<'monitor', ConfigMonitor>
  | Step<'eventRules', ConfigRule[]>;

export type OperationKind = Operation['kind'];

/** Creates and updates run in this order, deletes in the reverse one: what is referenced exists first and goes last. */
const kindOrder: OperationKind[] = ['team', 'user', 'membership', 'schedule', 'policy', 'monitor', 'eventRules'];

/** Something that exists but the files do not name: kept, unless --prune (users always). */
export interface Unnamed {
  kind: OperationKind;
  team?: string;
  name: string;
}

export interface Plan {
  operations: Operation[];
  /** Left alone because --prune was not given, or users (never deleted). */
  kept: Unnamed[];
}

export interface PlanOptions {
  prune: boolean;
}

// Vigil keeps emails trimmed and in lower case: a file may write them either way.
const mail = (email: string) => email.trim().toLowerCase();
const sameTeamRef = (ref: Ref, team: string): Ref => (typeof ref === 'object' && ref.team === team ? ref.name : ref);
const refKey = (r: Ref) => (typeof r === 'string' ? `\u0000${r}` : `${r.team}\u0000${r.name}`);

function normalRule(rule: ConfigRule, team: string | null): ConfigRule {
  const { policy, ...then } = rule.then;
  return {
    name: rule.name,
    when: rule.when,
    then: { ...then, ...(policy !== undefined && { policy: team === null ? policy : sameTeamRef(policy, team) }) },
    ...(rule.continue === true && { continue: true }),
  };
}

/**
 * The document with defaults left out and same-team references as plain names, as
 * `toDocument` writes it: a file that spells a default out means the same, and plans no change.
 */
export function normalize(doc: ConfigDocument): ConfigDocument {
  const teams = doc.teams?.map((t): ConfigTeam => {
    const schedules = t.schedules?.map((s) => ({
      name: s.name,
      ...(s.description && { description: s.description }),
      timeZone: s.timeZone,
      ...(s.gapAlertDays !== undefined && s.gapAlertDays !== 14 && { gapAlertDays: s.gapAlertDays }),
      layers: s.layers.map((l) => ({
        name: l.name,
        ...(l.timeZone !== undefined && l.timeZone !== s.timeZone && { timeZone: l.timeZone }),
        rotation: l.rotation,
        ...(l.restriction !== undefined && l.restriction.kind !== 'always' && { restriction: l.restriction }),
        members: l.members.map(mail),
      })),
    }));
    const policies = t.policies?.map((p) => ({
      name: p.name,
      ...(p.description && { description: p.description }),
      ...(p.repeat && { repeat: p.repeat }),
      ...(p.ackTimeoutSeconds !== undefined && { ackTimeoutSeconds: p.ackTimeoutSeconds }),
      steps: p.steps.map((step) => ({
        waitSeconds: step.waitSeconds,
        targets: step.targets.map((target) =>
          'schedule' in target ? { ...target, schedule: sameTeamRef(target.schedule, t.name) } : 'user' in target ? { user: mail(target.user) } : target,
        ),
      })),
    }));
    const monitors = t.monitors?.map((m) => {
      const dependsOn = (m.dependsOn ?? []).map((r) => sameTeamRef(r, t.name)).sort((a, b) => (refKey(a) < refKey(b) ? -1 : 1));
      return {
        ...m,
        policy: sameTeamRef(m.policy, t.name),
        urgency: m.urgency === 'high' ? undefined : m.urgency,
        paused: m.paused === true ? true : undefined,
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
        rules: m.rules && m.rules.length > 0 ? m.rules.map((r) => normalRule(r, t.name)) : undefined,
      };
    });
    return {
      name: t.name,
      ...(t.description && { description: t.description }),
      ...(t.members && t.members.length > 0 && { members: t.members.map((m) => ({ ...m, user: mail(m.user) })) }),
      ...(schedules && schedules.length > 0 && { schedules }),
      ...(policies && policies.length > 0 && { policies }),
      ...(monitors && monitors.length > 0 && { monitors }),
    };
  });
  return {
    ...(doc.users && { users: doc.users.map((u) => ({ ...u, email: mail(u.email) })) }),
    ...(doc.eventRules && { eventRules: doc.eventRules.map((r) => normalRule(r, null)) }),
    ...(teams && { teams }),
  };
}

/** The fields of a monitor that differ; settings only where the file says something the server does not hold. */
function monitorChanges(current: ConfigMonitor, desired: ConfigMonitor): FieldChange[] {
  const settings = new Set<string>(monitorSettingKeys);
  const plain = (m: ConfigMonitor) => Object.fromEntries(Object.entries(m).filter(([k]) => !settings.has(k)));
  const changes = fieldChanges(plain(current), plain(desired));
  for (const key of monitorSettingKeys) {
    if (desired[key] === undefined || holds(current[key], desired[key])) continue;
    const wanted = desired[key];
    const differing = fieldChanges(current[key], wanted, key).filter((c) => c.to !== undefined);
    changes.push(...(differing.length > 0 ? differing : [{ path: key, from: current[key], to: wanted }]));
  }
  return changes;
}

/** Matches named things: creates and updates for `desired`, the rest of `current` deleted (prune) or kept. */
function match<T>(
  kind: OperationKind,
  desired: T[],
  current: T[],
  key: (t: T) => string,
  changes: (current: T, desired: T) => FieldChange[],
  team?: string,
): { upserts: Operation[]; unnamed: { name: string; current: T }[] } {
  const now = new Map(current.map((c) => [key(c), c]));
  const wanted = new Set(desired.map(key));
  const upserts = desired.flatMap((d): Operation[] => {
    const c = now.get(key(d));
    if (c === undefined) return [{ action: 'create', kind, ...(team !== undefined && { team }), name: key(d), desired: d, changes: [] } as Operation];
    const diff = changes(c, d);
    return diff.length === 0 ? [] : [{ action: 'update', kind, ...(team !== undefined && { team }), name: key(d), desired: d, current: c, changes: diff } as Operation];
  });
  return { upserts, unnamed: current.filter((c) => !wanted.has(key(c))).map((c) => ({ name: key(c), current: c })) };
}

/**
 * What to do so that the server's configuration (`current`, as exported) becomes `desired`
 * (the files): creates and updates in dependency order, then, with prune, deletes in the
 * reverse order. Only teams the files name are looked into. Teams and users are never
 * deleted: a user may be the one applying, and their history matters (listed as kept).
 */
export function plan(desiredDoc: ConfigDocument, currentDoc: ConfigDocument, options: PlanOptions): Plan {
  const desired = normalize(desiredDoc);
  const current = normalize(currentDoc);
  const byKind = new Map<OperationKind, { upserts: Operation[]; deletes: Operation[] }>(kindOrder.map((k) => [k, { upserts: [], deletes: [] }]));
  const kept: Unnamed[] = [];
  const add = <T>(kind: OperationKind, result: { upserts: Operation[]; unnamed: { name: string; current: T }[] }, team?: string) => {
    const bucket = byKind.get(kind) as { upserts: Operation[]; deletes: Operation[] };
    bucket.upserts.push(...result.upserts);
    for (const u of result.unnamed) {
      const where = { kind, ...(team !== undefined && { team }), name: u.name };
      if (options.prune && kind !== 'user') bucket.deletes.push({ action: 'delete', ...where, current: u.current, changes: [] } as Operation);
      else kept.push(where);
    }
  };
  const byName = (x: { name: string }) => x.name;

  const teamFields = (t: ConfigTeam): TeamFields => ({ name: t.name, ...(t.description !== undefined && { description: t.description }) });
  const currentTeams = new Map((current.teams ?? []).map((t) => [t.name, t]));
  const desiredTeams = desired.teams ?? [];
  add('team', { ...match('team', desiredTeams.map(teamFields), desiredTeams.flatMap((t) => {
    const c = currentTeams.get(t.name);
    return c ? [teamFields(c)] : [];
  }), byName, fieldChanges), unnamed: [] });

  if (desired.users) add('user', match('user', desired.users, current.users ?? [], (u) => u.email, fieldChanges));

  for (const team of desiredTeams) {
    const now = currentTeams.get(team.name);
    add('membership', match('membership', team.members ?? [], now?.members ?? [], (m) => m.user, fieldChanges, team.name), team.name);
    add('schedule', match('schedule', team.schedules ?? [], now?.schedules ?? [], byName, fieldChanges, team.name), team.name);
    add('policy', match('policy', team.policies ?? [], now?.policies ?? [], byName, fieldChanges, team.name), team.name);
    add('monitor', match('monitor', team.monitors ?? [], now?.monitors ?? [], byName, monitorChanges, team.name), team.name);
  }

  if (desired.eventRules && !deepEqual(desired.eventRules, current.eventRules ?? [])) {
    const bucket = byKind.get('eventRules') as { upserts: Operation[] };
    bucket.upserts.push({ action: 'update', kind: 'eventRules', name: 'global', desired: desired.eventRules, current: current.eventRules ?? [], changes: fieldChanges(current.eventRules ?? [], desired.eventRules) });
  }

  const operations = [...kindOrder.flatMap((k) => byKind.get(k)?.upserts ?? []), ...[...kindOrder].reverse().flatMap((k) => byKind.get(k)?.deletes ?? [])];
  return { operations, kept };
}
