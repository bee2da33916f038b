import { deepEqual } from '../../core/config/canonical.js';
import { monitorSettingKeys, type ConfigLayer, type ConfigMonitor, type ConfigPolicy, type ConfigRule, type ConfigSchedule, type ConfigTarget, type Ref } from '../../core/config/document.js';
import type { Operation } from '../../core/config/plan.js';
import type { ApiSchedule, ApiSnapshot, ApiTarget } from '../../core/config/to-document.js';
import { CliError } from '../cli-error.js';
import type { VigilApi } from '../vigil-api.js';

const key = (team: string, name: string) => `${team}\u0000${name}`;

/** Names to ids: from the snapshot the plan was made against, then from what apply creates. */
class Ids {
  readonly teams = new Map<string, string>();
  readonly users = new Map<string, string>();
  readonly schedules = new Map<string, ApiSchedule>();
  readonly policies = new Map<string, string>();
  readonly monitors = new Map<string, string>();

  constructor(snapshot: ApiSnapshot) {
    const teamNames = new Map(snapshot.teams.map((t) => [t.id, t.name]));
    snapshot.teams.forEach((t) => this.teams.set(t.name, t.id));
    snapshot.users.forEach((u) => this.users.set(u.email.toLowerCase(), u.id));
    snapshot.schedules.forEach((s) => this.schedules.set(key(teamNames.get(s.teamId) ?? '', s.name), s));
    snapshot.policies.forEach((p) => this.policies.set(key(teamNames.get(p.teamId) ?? '', p.name), p.id));
    snapshot.monitors.filter((m) => !m.system).forEach((m) => this.monitors.set(key(teamNames.get(m.teamId) ?? '', m.name), m.id));
  }

  private need<T>(map: Map<string, T>, k: string, what: string): T {
    const found = map.get(k);
    if (found === undefined) throw new CliError(`${what} is neither in the files nor in Vigil`, 1, 'add it to the files or fix the name');
    return found;
  }
  team = (name: string) => this.need(this.teams, name, `team "${name}"`);
  user = (email: string) => this.need(this.users, email.toLowerCase(), `user ${email}`);
  private scoped = (ref: Ref, team: string | null) => {
    if (typeof ref === 'object') return { team: ref.team, name: ref.name };
    if (team === null) throw new CliError(`"${ref}" needs its team: write { team: …, name: ${ref} }`, 1);
    return { team, name: ref };
  };
  schedule = (ref: Ref, team: string) => {
    const s = this.scoped(ref, team);
    return this.need(this.schedules, key(s.team, s.name), `schedule "${s.name}" of team "${s.team}"`);
  };
  policy = (ref: Ref, team: string | null) => {
    const s = this.scoped(ref, team);
    return this.need(this.policies, key(s.team, s.name), `escalation policy "${s.name}" of team "${s.team}"`);
  };
  monitor = (ref: Ref, team: string) => {
    const s = this.scoped(ref, team);
    return this.need(this.monitors, key(s.team, s.name), `monitor "${s.name}" of team "${s.team}"`);
  };
}

/** The label an operation is printed with, e.g. `schedule "Platform on-call" (team Platform)`. */
export const subjectOf = (op: { kind: Operation['kind']; team?: string; name: string }) => {
  const kind = { team: 'team', user: 'user', membership: 'member', schedule: 'schedule', policy: 'escalation policy', monitor: 'monitor', eventRules: 'global event rules' }[op.kind];
  if (op.kind === 'eventRules') return kind;
  const name = op.kind === 'user' || op.kind === 'membership' ? op.name : `"${op.name}"`;
  return `${kind} ${name}${op.team === undefined ? '' : ` (team ${op.team})`}`;
};

/**
 * Carries out a plan through the API, in its order. Objects are updated in place (PATCH or
 * PUT), never deleted and created again, so schedules keep their overrides and history.
 */
export async function executePlan(api: VigilApi, operations: Operation[], snapshot: ApiSnapshot): Promise<void> {
  const ids = new Ids(snapshot);
  const patch = <T>(path: string, body: unknown) => api.request<T>('PATCH', path, body);

  const rulesBody = (rules: ConfigRule[], team: string | null) => ({
    rules: rules.map(({ then: { policy, ...then }, ...rule }) => ({ ...rule, then: { ...then, ...(policy !== undefined && { policyId: ids.policy(policy, team) }) } })),
  });
  const layerBody = (l: ConfigLayer, s: ConfigSchedule) => ({
    timeZone: l.timeZone ?? s.timeZone,
    rotation: l.rotation,
    restriction: l.restriction ?? { kind: 'always' },
    members: l.members.map(ids.user),
  });
  const target = (t: ConfigTarget, team: string): ApiTarget => {
    if ('schedule' in t) {
      const s = ids.schedule(t.schedule, team);
      if ('allLayers' in t) return { type: 'schedule_all_layers', scheduleId: s.id };
      if ('layer' in t) {
        const layer = s.layers.find((l) => l.name === t.layer);
        if (!layer) throw new CliError(`schedule "${s.name}" has no layer "${t.layer}"`, 1);
        return { type: 'schedule_layer', scheduleId: s.id, layerId: layer.id };
      }
      return { type: 'schedule', scheduleId: s.id };
    }
    if ('user' in t) return { type: 'user', userId: ids.user(t.user) };
    if ('team' in t) return { type: 'team', teamId: ids.team(t.team) };
    if ('webhook' in t) return { type: 'webhook', url: t.webhook };
    if ('slack' in t) return { type: 'slack', url: t.slack };
    if ('teams' in t) return { type: 'teams', url: t.teams };
    if ('slackChannel' in t) return { type: 'slack_channel', channelId: t.slackChannel };
    return { type: 'mattermost_channel', channelId: t.mattermostChannel };
  };
  const policyBody = (p: ConfigPolicy, team: string) => ({
    name: p.name,
    description: p.description ?? '',
    teamId: ids.team(team),
    repeat: p.repeat ?? 0,
    ackTimeoutSeconds: p.ackTimeoutSeconds ?? null,
    steps: p.steps.map((step) => ({ waitSeconds: step.waitSeconds, targets: step.targets.map((t) => target(t, team)) })),
  });
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  // A setting's fields the file leaves out keep Vigil's values (an HTTP check's headers and body are never in the files).
  const monitorFields = (m: ConfigMonitor, team: string, now?: Record<string, unknown>): Record<string, unknown> => ({
    policyId: ids.policy(m.policy, team),
    urgency: m.urgency ?? 'high',
    paused: m.paused ?? false,
    ...Object.fromEntries(
      monitorSettingKeys.filter((k) => m[k] !== undefined).map((k) => [k, isObject(m[k]) && isObject(now?.[k]) ? { ...now[k], ...m[k] } : m[k]]),
    ),
  });
  const apiMonitors = new Map(snapshot.monitors.map((m) => [m.id, m as Record<string, unknown>]));

  async function updateSchedule(team: string, desired: ConfigSchedule, current: ConfigSchedule): Promise<ApiSchedule> {
    let now = ids.schedule(desired.name, team);
    const own = (s: ConfigSchedule) => ({ description: s.description ?? '', timeZone: s.timeZone, gapAlertDays: s.gapAlertDays ?? 14 });
    if (!deepEqual(own(desired), own(current))) now = await patch<ApiSchedule>(`/schedules/${now.id}`, own(desired));
    for (const layer of desired.layers) {
      const was = current.layers.find((l) => l.name === layer.name);
      const existing = now.layers.find((l) => l.name === layer.name);
      if (!existing) now = await api.post<ApiSchedule>(`/schedules/${now.id}/layers`, { name: layer.name, ...layerBody(layer, desired) });
      else if (!was || !deepEqual(layerBody(layer, desired), layerBody(was, current)) || desired.timeZone !== current.timeZone) {
        now = await patch<ApiSchedule>(`/schedules/${now.id}/layers/${existing.id}`, layerBody(layer, desired));
      }
    }
    if (now.layers.some((l, i) => l.name !== desired.layers[i]?.name)) layersLeft.push({ action: 'update', kind: 'schedule', team, name: desired.name, desired, changes: [] });
    return now;
  }

  /** Removes the layers a schedule no longer has and puts the rest in order: after the policies stopped paging them. */
  async function finishLayers(team: string, desired: ConfigSchedule): Promise<void> {
    let now = ids.schedule(desired.name, team);
    for (const gone of now.layers.filter((l) => !desired.layers.some((d) => d.name === l.name))) {
      now = await api.request<ApiSchedule>('DELETE', `/schedules/${now.id}/layers/${gone.id}`);
    }
    const order = desired.layers.map((d) => now.layers.find((l) => l.name === d.name)?.id ?? '');
    if (!deepEqual(order, now.layers.map((l) => l.id))) now = await api.put<ApiSchedule>(`/schedules/${now.id}/layer-order`, { layerIds: order });
    ids.schedules.set(key(team, desired.name), now);
  }
  const layersLeft: Extract<Operation, { kind: 'schedule' }>[] = [];

  // Monitors may depend on monitors created later in the same run: their dependencies are set once all exist.
  const dependencies: { id: string; team: string; dependsOn: Ref[] }[] = [];

  const step = async (op: Operation, work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      if (err instanceof CliError) throw new CliError(`${op.action} ${subjectOf(op)}: ${err.message}`, err.exitCode, err.hint, { cause: err });
      throw err;
    }
  };
  for (const op of operations) await step(op, () => run(op));
  for (const op of layersLeft) await step(op, () => finishLayers(op.team ?? '', op.desired as ConfigSchedule));
  for (const d of dependencies) await patch(`/monitors/${d.id}`, { dependsOn: d.dependsOn.map((r) => ids.monitor(r, d.team)) });

  async function run(op: Operation): Promise<void> {
    const team = op.team ?? '';
    switch (op.kind) {
      case 'team': {
        const body = { description: op.desired?.description ?? '' };
        if (op.action === 'create') ids.teams.set(op.name, (await api.post<{ id: string }>('/teams', { name: op.name, ...body })).id);
        else await patch(`/teams/${ids.team(op.name)}`, body);
        return;
      }
      case 'user': {
        const u = op.desired;
        if (!u) return; // never deleted: the plan lists them as kept
        if (op.action === 'create') ids.users.set(u.email.toLowerCase(), (await api.post<{ id: string }>('/users', u)).id);
        else await patch(`/users/${ids.user(u.email)}`, { name: u.name, role: u.role, timeZone: u.timeZone });
        return;
      }
      case 'membership': {
        const path = `/teams/${ids.team(team)}/members/${ids.user(op.name)}`;
        if (op.action === 'delete') await api.delete(path);
        else await api.put(path, { role: op.desired?.role });
        return;
      }
      case 'schedule': {
        const k = key(team, op.name);
        if (op.action === 'delete') {
          await api.delete(`/schedules/${ids.schedule(op.name, team).id}`);
          ids.schedules.delete(k);
        } else if (op.action === 'create' && op.desired) {
          const s = op.desired;
          const body = { name: s.name, description: s.description ?? '', teamId: ids.team(team), timeZone: s.timeZone, layers: s.layers.map((l) => ({ name: l.name, ...layerBody(l, s) })) };
          let created = await api.post<ApiSchedule>('/schedules', body);
          if (s.gapAlertDays !== undefined) created = await patch<ApiSchedule>(`/schedules/${created.id}`, { gapAlertDays: s.gapAlertDays });
          ids.schedules.set(k, created);
        } else if (op.desired && op.current) ids.schedules.set(k, await updateSchedule(team, op.desired, op.current));
        return;
      }
      case 'policy': {
        if (op.action === 'delete') await api.delete(`/escalation-policies/${ids.policy(op.name, team)}`);
        else if (op.action === 'create' && op.desired) ids.policies.set(key(team, op.name), (await api.post<{ id: string }>('/escalation-policies', policyBody(op.desired, team))).id);
        else if (op.desired) await api.put(`/escalation-policies/${ids.policy(op.name, team)}`, policyBody(op.desired, team));
        return;
      }
      case 'monitor': {
        const m = op.desired;
        if (op.action === 'delete' || !m) {
          await api.delete(`/monitors/${ids.monitor(op.name, team)}`);
          return;
        }
        let id: string;
        if (op.action === 'create') {
          id = (await api.post<{ id: string }>('/monitors', { name: m.name, teamId: ids.team(team), kind: m.kind, ...monitorFields(m, team) })).id;
          ids.monitors.set(key(team, m.name), id);
        } else {
          if (op.current && op.current.kind !== m.kind) throw new CliError(`its kind cannot change from ${op.current.kind} to ${m.kind}`, 1, 'give the new monitor another name, and remove the old one (with --prune)');
          id = ids.monitor(m.name, team);
          // The API sets a heartbeat's interval when the monitor is made; it is no field of PATCH.
          const { heartbeat, ...fields } = monitorFields(m, team, apiMonitors.get(id));
          if (heartbeat !== undefined && op.changes.some((c) => c.path.startsWith('heartbeat'))) {
            throw new CliError("a heartbeat monitor's interval cannot change through the API", 1, 'give the monitor another name, and remove the old one (with --prune)');
          }
          await patch(`/monitors/${id}`, fields);
        }
        if (!deepEqual(m.rules ?? [], op.current?.rules ?? [])) await api.put(`/monitors/${id}/event-rules`, rulesBody(m.rules ?? [], team));
        if (!deepEqual(m.dependsOn ?? [], op.current?.dependsOn ?? [])) dependencies.push({ id, team, dependsOn: m.dependsOn ?? [] });
        return;
      }
      case 'eventRules':
        await api.put('/event-rules', rulesBody(op.desired ?? [], null));
        return;
    }
  }
}
