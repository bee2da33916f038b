import { canonical } from './canonical.js';
import {
  monitorSettingKeys,
  type ConfigDocument,
  type ConfigLayer,
  type ConfigMonitor,
  type ConfigPolicy,
  type ConfigRule,
  type ConfigSchedule,
  type ConfigTarget,
  type ConfigTeam,
  type Ref,
} from './document.js';

/*
 * What Vigil's API answers, as far as the configuration goes: the CLI reads these with an
 * API token and `toDocument` names every id.
 */
export interface ApiUser {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'admin' | 'responder' | 'viewer';
  timeZone: string;
}
export interface ApiTeam {
  id: string;
  name: string;
  description: string;
  members: { userId: string; role: 'manager' | 'member' }[];
}
export interface ApiLayer {
  id: string;
  name: string;
  timeZone: string;
  rotation: ConfigLayer['rotation'];
  restriction: NonNullable<ConfigLayer['restriction']>;
  members: { id: string }[];
}
export interface ApiSchedule {
  id: string;
  teamId: string;
  name: string;
  description: string;
  timeZone: string;
  gapAlertDays: number;
  layers: ApiLayer[];
}
export type ApiTarget =
  | { type: 'schedule' | 'schedule_all_layers'; scheduleId: string }
  | { type: 'schedule_layer'; scheduleId: string; layerId: string }
  | { type: 'user'; userId: string }
  | { type: 'team'; teamId: string }
  | { type: 'webhook' | 'slack' | 'teams'; url: string }
  | { type: 'slack_channel' | 'mattermost_channel'; channelId: string };
export interface ApiPolicy {
  id: string;
  teamId: string;
  name: string;
  description: string;
  repeat: number;
  ackTimeoutSeconds: number | null;
  steps: { waitSeconds: number; targets: ApiTarget[] }[];
}
export interface ApiRule {
  name: string;
  when: ConfigRule['when'];
  then: Omit<ConfigRule['then'], 'policy'> & { policyId?: string };
  continue?: boolean;
}
export interface ApiMonitor {
  id: string;
  teamId: string;
  name: string;
  kind: ConfigMonitor['kind'];
  policyId: string | null;
  system: boolean;
  urgency: NonNullable<ConfigMonitor['urgency']>;
  paused: boolean;
  dependsOn: string[];
  [setting: string]: unknown;
}
export interface ApiSnapshot {
  users: ApiUser[];
  teams: ApiTeam[];
  schedules: ApiSchedule[];
  policies: ApiPolicy[];
  /** Each monitor with its own event rules. */
  monitors: (ApiMonitor & { rules: ApiRule[] })[];
  globalRules: ApiRule[];
}

/** Left out of exports; apply keeps what Vigil has. */
const secretHttpFields = new Set(['headers', 'body']);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const DEFAULT_GAP_ALERT_DAYS = 14;

/** A reference the export cannot name: an id that no longer resolves (a deleted user in a layer's history). */
export class UnnamedReference extends Error {}

/**
 * The configuration a snapshot describes, with names for ids and in a fixed order (users by
 * email, teams and their objects by name; layers, steps and rules as they run), so the same
 * configuration always exports to the same bytes. Defaults are left out.
 */
export function toDocument(snapshot: ApiSnapshot): ConfigDocument {
  const emails = new Map(snapshot.users.map((u) => [u.id, u.email]));
  const teamNames = new Map(snapshot.teams.map((t) => [t.id, t.name]));
  const lookup = <T>(map: Map<string, T>, id: string, what: string): T => {
    const found = map.get(id);
    if (found === undefined) throw new UnnamedReference(`${what} ${id} is not in the export`);
    return found;
  };
  const email = (id: string) => lookup(emails, id, 'user');
  const scopedName = (objects: { id: string; teamId: string; name: string }[], what: string) => {
    const map = new Map(objects.map((o) => [o.id, { teamId: o.teamId, name: o.name }]));
    return (id: string, fromTeam: string | null): Ref => {
      const o = lookup(map, id, what);
      return o.teamId === fromTeam ? o.name : { team: lookup(teamNames, o.teamId, 'team'), name: o.name };
    };
  };
  const scheduleRef = scopedName(snapshot.schedules, 'schedule');
  const policyRef = scopedName(snapshot.policies, 'escalation policy');
  const monitorRef = scopedName(snapshot.monitors, 'monitor');
  const layerNames = new Map(snapshot.schedules.flatMap((s) => s.layers.map((l) => [l.id, l.name] as const)));

  const rule = (r: ApiRule, teamId: string | null): ConfigRule => {
    const { policyId, ...then } = r.then;
    return {
      name: r.name,
      when: r.when,
      then: { ...then, ...(policyId !== undefined && { policy: policyRef(policyId, teamId) }) },
      ...(r.continue === true && { continue: true }),
    };
  };

  const target = (t: ApiTarget, teamId: string): ConfigTarget => {
    switch (t.type) {
      case 'schedule':
        return { schedule: scheduleRef(t.scheduleId, teamId) };
      case 'schedule_all_layers':
        return { schedule: scheduleRef(t.scheduleId, teamId), allLayers: true };
      case 'schedule_layer':
        return { schedule: scheduleRef(t.scheduleId, teamId), layer: lookup(layerNames, t.layerId, 'layer') };
      case 'user':
        return { user: email(t.userId) };
      case 'team':
        return { team: lookup(teamNames, t.teamId, 'team') };
      case 'webhook':
        return { webhook: t.url };
      case 'slack':
        return { slack: t.url };
      case 'teams':
        return { teams: t.url };
      case 'slack_channel':
        return { slackChannel: t.channelId };
      case 'mattermost_channel':
        return { mattermostChannel: t.channelId };
    }
  };

  const schedule = (s: ApiSchedule): ConfigSchedule => ({
    name: s.name,
    ...(s.description !== '' && { description: s.description }),
    timeZone: s.timeZone,
    ...(s.gapAlertDays !== DEFAULT_GAP_ALERT_DAYS && { gapAlertDays: s.gapAlertDays }),
    layers: s.layers.map((l) => ({
      name: l.name,
      ...(l.timeZone !== s.timeZone && { timeZone: l.timeZone }),
      rotation: l.rotation,
      ...(l.restriction.kind !== 'always' && { restriction: l.restriction }),
      members: l.members.map((m) => email(m.id)),
    })),
  });

  const policy = (p: ApiPolicy): ConfigPolicy => ({
    name: p.name,
    ...(p.description !== '' && { description: p.description }),
    ...(p.repeat !== 0 && { repeat: p.repeat }),
    ...(p.ackTimeoutSeconds !== null && { ackTimeoutSeconds: p.ackTimeoutSeconds }),
    steps: p.steps.map((step) => ({ waitSeconds: step.waitSeconds, targets: step.targets.map((t) => target(t, p.teamId)) })),
  });

  const monitor = (m: ApiMonitor & { rules: ApiRule[] }): ConfigMonitor => {
    const settings: Record<string, unknown> = Object.fromEntries(monitorSettingKeys.filter((k) => m[k] !== undefined).map((k) => [k, m[k]]));
    // An HTTP check's headers and body often carry the target's credentials: never written to files.
    if (isObject(settings['http'])) settings['http'] = Object.fromEntries(Object.entries(settings['http']).filter(([k]) => !secretHttpFields.has(k)));
    return {
      name: m.name,
      kind: m.kind,
      policy: policyRef(m.policyId ?? '', m.teamId),
      ...(m.urgency !== 'high' && { urgency: m.urgency }),
      ...(m.paused && { paused: true }),
      ...(m.dependsOn.length > 0 && { dependsOn: m.dependsOn.map((id) => monitorRef(id, m.teamId)).sort(byRef) }),
      ...settings,
      ...(m.rules.length > 0 && { rules: m.rules.map((r) => rule(r, m.teamId)) }),
    };
  };

  const team = (t: ApiTeam): ConfigTeam => {
    const mine = <T extends { teamId: string; name: string }>(objects: T[]) => objects.filter((o) => o.teamId === t.id).sort(byName);
    const members = t.members.map((m) => ({ user: email(m.userId), role: m.role })).sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
    const schedules = mine(snapshot.schedules).map(schedule);
    const policies = mine(snapshot.policies).map(policy);
    const monitors = mine(snapshot.monitors.filter((m) => !m.system)).map(monitor);
    return {
      name: t.name,
      ...(t.description !== '' && { description: t.description }),
      ...(members.length > 0 && { members }),
      ...(schedules.length > 0 && { schedules }),
      ...(policies.length > 0 && { policies }),
      ...(monitors.length > 0 && { monitors }),
    };
  };

  return canonicalDocument({
    users: snapshot.users.map(({ email: e, name, role, timeZone }) => ({ email: e, name, role, timeZone })).sort((a, b) => (a.email < b.email ? -1 : 1)),
    eventRules: snapshot.globalRules.map((r) => rule(r, null)),
    teams: [...snapshot.teams].sort(byName).map(team),
  });
}

const refKey = (r: Ref) => (typeof r === 'string' ? `\u0000${r}` : `${r.team}\u0000${r.name}`);
const byRef = (a: Ref, b: Ref) => (refKey(a) < refKey(b) ? -1 : refKey(a) > refKey(b) ? 1 : 0);

/** Monitor settings in sorted key order (the rest is built in a fixed order already). */
function canonicalDocument(doc: ConfigDocument): ConfigDocument {
  for (const team of doc.teams ?? []) {
    for (const m of team.monitors ?? []) for (const k of monitorSettingKeys) if (m[k] !== undefined) (m as Record<string, unknown>)[k] = canonical(m[k]);
  }
  return doc;
}
