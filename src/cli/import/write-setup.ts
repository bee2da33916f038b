import type { ImportNote } from '../../core/import/report.js';
import type { ImportedSetup, MappedMonitor, MappedPolicy, MappedSchedule, MappedUser } from '../../core/import/setup.js';
import type { VigilApi } from './vigil-api.js';

export interface WriteOptions {
  dryRun: boolean;
  /** Where what the source gives no team goes, e.g. "Imported from PagerDuty". */
  defaultTeam: string;
  /** The source's name in the plan's lines, e.g. "PagerDuty". */
  source: string;
}

/** A schedule the import created or found, by its Vigil id (planned: only in a dry run's plan). */
export interface WrittenSchedule {
  schedule: MappedSchedule;
  id: string;
  planned: boolean;
}

export interface WrittenSetup {
  created: number;
  existing: number;
  notes: ImportNote[];
  schedules: WrittenSchedule[];
  /** Source user id → Vigil user id. */
  userIds: Map<string, string>;
}

interface Named {
  id: string;
  name: string;
}
interface VigilUser {
  id: string;
  email: string;
}
/** A schedule, policy or monitor: named within its team. */
interface TeamOwned extends Named {
  teamId: string;
}

export const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * Creates through Vigil's API what an imported setup has and Vigil lacks: teams by name, users
 * by email (with their missing contact methods, rules and memberships), schedules, policies and
 * monitors by name within their team. What exists is left as is. A dry run prints the same
 * plan and creates nothing, standing in ids for what it would create.
 */
export async function writeSetup(setup: ImportedSetup, vigil: VigilApi, options: WriteOptions, print: (line: string) => void): Promise<WrittenSetup> {
  const { dryRun, source } = options;
  // Checked before anything is written: a wrong token fails here, not half-way.
  const existingUsers = await vigil.all<VigilUser>('/users');
  const existingTeams = await vigil.all<Named>('/teams');
  const existingSchedules = await vigil.all<TeamOwned>('/schedules');
  const existingPolicies = await vigil.all<TeamOwned>('/escalation-policies');
  const existingMonitors = await vigil.all<TeamOwned>('/monitors');
  const notes: ImportNote[] = [...setup.users, ...setup.schedules, ...setup.policies, ...setup.monitors].flatMap((x) => x.notes);

  let created = 0;
  let existing = 0;
  const plan = (line: string) => print(`  ${line}`);
  let placeholder = 0;
  /** Runs `create` (or, in a dry run, stands in an id for what it would create). */
  async function create(what: string, make: () => Promise<string>): Promise<string> {
    created++;
    plan(`create ${what}`);
    return dryRun ? `planned-${++placeholder}` : make();
  }
  const keep = (what: string) => {
    existing++;
    plan(`exists ${what}: left as is`);
  };
  const planned = (id: string) => id.startsWith('planned-');

  // Teams, by name.
  const teamIds = new Map<string, string>();
  const teamNames = new Map(setup.teams.map((t) => [t.sourceId, t.name]));
  const teamsByName = new Map(existingTeams.map((t) => [nameKey(t.name), t.id]));
  async function team(name: string): Promise<string> {
    const found = teamsByName.get(nameKey(name));
    if (found) return found;
    const id = await create(`team "${name}"`, async () => (await vigil.post<Named>('/teams', { name })).id);
    teamsByName.set(nameKey(name), id);
    return id;
  }
  for (const t of setup.teams) {
    if (teamsByName.has(nameKey(t.name))) keep(`team "${t.name}"`);
    teamIds.set(t.sourceId, await team(t.name.slice(0, 200)));
  }
  const teamOf = async (sourceId: string | null) => (sourceId !== null && teamIds.get(sourceId)) || team(options.defaultTeam);

  // Users, by email; their missing contact methods, rules and team memberships.
  const userIds = new Map<string, string>();
  const usersByEmail = new Map(existingUsers.map((u) => [nameKey(u.email), u.id]));
  for (const u of setup.users) {
    let id = usersByEmail.get(nameKey(u.email));
    const isNew = !id;
    if (id) keep(`user ${u.email}`);
    else id = await create(`user ${u.email} (${u.role})`, async () => (await vigil.post<VigilUser>('/users', { email: u.email, name: u.name, role: u.role, timeZone: u.timeZone })).id);
    userIds.set(u.sourceId, id);
    await contactsOf(u, id, isNew);
    for (const teamSource of u.teamSourceIds) {
      const teamId = teamIds.get(teamSource);
      if (!teamId) continue;
      const members = planned(teamId) || planned(id) ? [] : (await vigil.get<{ members: { userId: string }[] }>(`/teams/${teamId}`)).members;
      if (members.some((m) => m.userId === id)) continue;
      await create(`membership of ${u.email} in team "${teamNames.get(teamSource) ?? teamSource}"`, async () => {
        await vigil.put(`/teams/${teamId}/members/${id}`, { role: 'member' });
        return teamId;
      });
    }
  }

  async function contactsOf(u: MappedUser, userId: string, isNew: boolean): Promise<void> {
    const methods = planned(userId) ? [] : await vigil.get<{ id: string; kind: string; address: string }[]>(`/users/${userId}/contact-methods`);
    const methodIds = new Map<string, string>();
    for (const m of u.contactMethods) {
      const found = methods.find((x) => x.kind === m.kind && x.address === m.address);
      methodIds.set(
        m.sourceId,
        found?.id ??
          (await create(`${m.kind} contact method ${m.address} of ${u.email} (verified, as in ${source})`, async () =>
            (await vigil.post<{ id: string }>(`/users/${userId}/contact-methods`, { kind: m.kind, address: m.address, label: m.label || m.kind, verified: true })).id,
          )),
      );
    }
    type Rule = { id: string; contactMethodId: string; delayMinutes: number; urgency: string | null };
    let rules = planned(userId) ? [] : await vigil.get<Rule[]>(`/users/${userId}/notification-rules`);
    if (isNew && !planned(userId)) {
      // Vigil gives a first contact method an immediate rule; a new user gets the source's rules instead.
      for (const r of rules) await vigil.delete(`/users/${userId}/notification-rules/${r.id}`);
      rules = [];
    }
    for (const r of u.rules) {
      const contactMethodId = methodIds.get(r.contactSourceId);
      if (contactMethodId === undefined) continue;
      // A rule for both urgencies covers either.
      if (rules.some((x) => x.contactMethodId === contactMethodId && x.delayMinutes === r.delayMinutes && (x.urgency === r.urgency || x.urgency === null))) continue;
      await create(`notification rule of ${u.email}: ${r.urgency ?? 'any'} urgency, after ${r.delayMinutes} min`, async () =>
        (await vigil.post<{ id: string }>(`/users/${userId}/notification-rules`, { contactMethodId, delayMinutes: r.delayMinutes, urgency: r.urgency })).id,
      );
    }
  }

  // Schedules, by name within their team, with their overrides.
  const scheduleIds = new Map<string, string>();
  const schedules: WrittenSchedule[] = [];
  for (const s of setup.schedules) {
    if (s.layers.length === 0) continue;
    const teamId = await teamOf(s.teamSourceId);
    const found = existingSchedules.find((x) => x.teamId === teamId && nameKey(x.name) === nameKey(s.name));
    if (found) {
      keep(`schedule "${s.name}"`);
      scheduleIds.set(s.sourceId, found.id);
      schedules.push({ schedule: s, id: found.id, planned: false });
      continue;
    }
    const known = (sourceId: string, about: string) => {
      if (userIds.has(sourceId)) return true;
      notes.push({ subject: about, reason: `names ${source} user ${sourceId}, who was not listed: left out` });
      return false;
    };
    const resolved: MappedSchedule = {
      ...s,
      layers: s.layers.map((l) => ({ ...l, members: l.members.filter((m) => known(m, `schedule "${s.name}" layer "${l.name}"`)) })),
      overrides: s.overrides.filter((o) => known(o.userId, `schedule "${s.name}" override`)),
    };
    const id = await create(`schedule "${s.name}" (${s.layers.length} layer${s.layers.length === 1 ? '' : 's'}, ${resolved.overrides.length} override${resolved.overrides.length === 1 ? '' : 's'})`, async () => {
      const body = {
        name: s.name.slice(0, 200),
        description: s.description.slice(0, 2000),
        teamId,
        timeZone: s.timeZone,
        layers: resolved.layers.map((l) => ({ name: l.name, timeZone: l.timeZone, rotation: l.rotation, restriction: l.restriction, members: l.members.map((m) => userIds.get(m) as string) })),
      };
      const made = await vigil.post<{ id: string }>('/schedules', body);
      for (const o of resolved.overrides) {
        await vigil.post(`/schedules/${made.id}/overrides`, { userId: userIds.get(o.userId), start: new Date(o.start).toISOString(), end: new Date(o.end).toISOString() });
      }
      return made.id;
    });
    scheduleIds.set(s.sourceId, id);
    schedules.push({ schedule: resolved, id, planned: dryRun });
  }

  // Escalation policies, by name within their team.
  const policyIds = new Map<string, { id: string; teamId: string }>();
  for (const p of setup.policies) {
    if (p.steps.length === 0) continue;
    const teamId = await teamOf(p.teamSourceId);
    const found = existingPolicies.find((x) => x.teamId === teamId && nameKey(x.name) === nameKey(p.name));
    if (found) {
      keep(`escalation policy "${p.name}"`);
      policyIds.set(p.sourceId, { id: found.id, teamId });
      continue;
    }
    const steps = stepsOf(p);
    if (steps.length === 0) {
      notes.push({ subject: `escalation policy "${p.name}"`, reason: 'not imported: none of its targets was imported' });
      continue;
    }
    const id = await create(`escalation policy "${p.name}" (${steps.length} step${steps.length === 1 ? '' : 's'}, repeat ${p.repeat})`, async () =>
      (await vigil.post<{ id: string }>('/escalation-policies', { name: p.name.slice(0, 200), description: p.description.slice(0, 2000), teamId, repeat: p.repeat, steps })).id,
    );
    policyIds.set(p.sourceId, { id, teamId });
  }

  function stepsOf(p: MappedPolicy) {
    return p.steps.flatMap((step, i) => {
      const targets = step.targets.flatMap((t) => {
        const id = t.type === 'user' ? userIds.get(t.sourceId) : scheduleIds.get(t.sourceId);
        if (id !== undefined) return [t.type === 'user' ? { type: 'user' as const, userId: id } : { type: 'schedule' as const, scheduleId: id }];
        notes.push({ subject: `escalation policy "${p.name}" step ${i + 1}`, reason: `its ${t.type} ${t.sourceId} was not imported: left out` });
        return [];
      });
      return targets.length === 0 ? [] : [{ waitSeconds: step.waitSeconds, targets }];
    });
  }

  // Monitors, by name within their team, keeping their integration keys.
  for (const m of setup.monitors) {
    const policy = policyIds.get(m.policySourceId);
    if (!policy) {
      notes.push({ subject: `service "${m.name}"`, reason: 'its escalation policy was not imported: not imported' });
      continue;
    }
    const teamId = m.teamSourceId !== null && teamIds.has(m.teamSourceId) ? (teamIds.get(m.teamSourceId) as string) : policy.teamId;
    const found = existingMonitors.find((x) => x.teamId === teamId && nameKey(x.name) === nameKey(m.name));
    if (found) {
      keep(`monitor "${m.name}"`);
      continue;
    }
    await create(`${m.kind} monitor "${m.name}"${m.integrationKey ? ' keeping its integration key' : ' with a new integration key'}`, () => monitor(m, teamId, policy.id));
  }

  async function monitor(m: MappedMonitor, teamId: string, policyId: string): Promise<string> {
    const made = await vigil.post<{ id: string; integrationKey?: string }>('/monitors', { name: m.name, teamId, policyId, kind: m.kind === 'generic' ? 'webhook' : m.kind, urgency: m.urgency });
    if (m.integrationKey) await vigil.put(`/monitors/${made.id}/integration-key`, { integrationKey: m.integrationKey });
    else print(`    new integration key for "${m.name}": ${made.integrationKey ?? '(none)'} (shown once)`);
    return made.id;
  }

  if (notes.length > 0) {
    print(`Not imported as they were (${notes.length}):`);
    for (const n of notes) plan(`${n.subject}: ${n.reason}`);
  }
  return { created, existing, notes, schedules, userIds };
}
