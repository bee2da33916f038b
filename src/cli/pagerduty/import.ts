import { compareOnCall, type Fidelity, type OnCallSpan } from '../../core/import/fidelity.js';
import { mapPolicy, type MappedPolicy } from '../../core/import/pagerduty/policy.js';
import { mapSchedule, type MappedSchedule } from '../../core/import/pagerduty/schedule.js';
import { mapService, type MappedMonitor } from '../../core/import/pagerduty/service.js';
import { mapUser, type MappedUser } from '../../core/import/pagerduty/user.js';
import type { ImportNote } from '../../core/import/report.js';
import { systemClock } from '../../kernel/clock.js';
import { plannedOnCall } from './local-timeline.js';
import { PagerDutyApi, type PagerDutyAccountData } from './pagerduty-api.js';
import { VigilApi } from './vigil-api.js';

export interface PagerDutyImportOptions {
  apiKey: string;
  url: string;
  vigilUrl: string;
  token: string;
  dryRun?: boolean;
  /** The instant the import treats as now (tests: Vigil's frozen clock). */
  now?: number;
}

export interface PagerDutyImportResult {
  created: number;
  existing: number;
  notes: ImportNote[];
  fidelity: { schedule: string; result: Fidelity | null }[];
}

const DAY = 86_400_000;
const WINDOW_DAYS = 30;
/** Where what PagerDuty gives no team goes. */
const DEFAULT_TEAM = 'Imported from PagerDuty';

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

const key = (name: string) => name.trim().toLowerCase();
const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/**
 * `vigil import pagerduty`: reads the account, maps it (src/core/import/pagerduty), creates
 * what Vigil lacks through its API (found by email or by name, what exists is left as is),
 * then compares who is on call for the next 30 days on each side. A dry run prints the plan
 * and the comparison with Vigil's resolver run on the plan, and creates nothing.
 */
export async function importPagerDuty(options: PagerDutyImportOptions, print: (line: string) => void): Promise<PagerDutyImportResult> {
  const now = options.now ?? systemClock.now();
  const horizon = now + WINDOW_DAYS * DAY;
  const dryRun = options.dryRun ?? false;
  const source = new PagerDutyApi(options.url, options.apiKey);
  const vigil = new VigilApi(options.vigilUrl, options.token);
  const account: PagerDutyAccountData = await source.account(now, horizon);
  // Checked before anything is written: a wrong token fails here, not half-way.
  const existingUsers = await vigil.all<VigilUser>('/users');
  const existingTeams = await vigil.all<Named>('/teams');
  const existingSchedules = await vigil.all<TeamOwned>('/schedules');
  const existingPolicies = await vigil.all<TeamOwned>('/escalation-policies');
  const existingMonitors = await vigil.all<TeamOwned>('/monitors');

  const users = account.users.map(mapUser);
  const schedules = account.schedules.map((s) => mapSchedule(s, account.overrides.get(s.id) ?? [], now));
  const policies = account.escalationPolicies.map(mapPolicy);
  const monitors = account.services.flatMap(mapService);
  const notes: ImportNote[] = [...users, ...schedules, ...policies, ...monitors].flatMap((x) => x.notes);

  let created = 0;
  let existing = 0;
  const plan = (line: string) => print(`  ${line}`);
  print(dryRun ? 'PagerDuty import plan (dry run: nothing is created)' : 'PagerDuty import');
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

  // Teams, by name.
  const teamIds = new Map<string, string>();
  const teamNames = new Map(account.teams.map((t) => [t.id, t.name]));
  const teamsByName = new Map(existingTeams.map((t) => [key(t.name), t.id]));
  async function team(name: string): Promise<string> {
    const found = teamsByName.get(key(name));
    if (found) return found;
    const id = await create(`team "${name}"`, async () => (await vigil.post<Named>('/teams', { name })).id);
    teamsByName.set(key(name), id);
    return id;
  }
  for (const t of account.teams) {
    if (teamsByName.has(key(t.name))) keep(`team "${t.name}"`);
    teamIds.set(t.id, await team(t.name.slice(0, 200)));
  }
  const teamOf = async (sourceId: string | null) => (sourceId !== null && teamIds.get(sourceId)) || team(DEFAULT_TEAM);

  // Users, by email; their missing contact methods, rules and team memberships.
  const userIds = new Map<string, string>();
  const emails = new Map<string, string>(users.map((u) => [u.sourceId, key(u.email)]));
  const usersByEmail = new Map(existingUsers.map((u) => [key(u.email), u.id]));
  for (const u of users) {
    let id = usersByEmail.get(key(u.email));
    const isNew = !id;
    if (id) keep(`user ${u.email}`);
    else id = await create(`user ${u.email} (${u.role})`, async () => (await vigil.post<VigilUser>('/users', { email: u.email, name: u.name, role: u.role, timeZone: u.timeZone })).id);
    userIds.set(u.sourceId, id);
    await contactsOf(u, id, isNew);
    for (const teamSource of u.teamSourceIds) {
      const teamId = teamIds.get(teamSource);
      if (!teamId) continue;
      const members = teamId.startsWith('planned-') || id.startsWith('planned-') ? [] : (await vigil.get<{ members: { userId: string }[] }>(`/teams/${teamId}`)).members;
      if (members.some((m) => m.userId === id)) continue;
      await create(`membership of ${u.email} in team "${teamNames.get(teamSource) ?? teamSource}"`, async () => {
        await vigil.put(`/teams/${teamId}/members/${id}`, { role: 'member' });
        return teamId;
      });
    }
  }

  async function contactsOf(u: MappedUser, userId: string, isNew: boolean): Promise<void> {
    const planned = userId.startsWith('planned-');
    const methods = planned ? [] : await vigil.get<{ id: string; kind: string; address: string }[]>(`/users/${userId}/contact-methods`);
    const methodIds = new Map<string, string>();
    for (const m of u.contactMethods) {
      const found = methods.find((x) => x.kind === m.kind && x.address === m.address);
      methodIds.set(
        m.sourceId,
        found?.id ??
          (await create(`${m.kind} contact method ${m.address} of ${u.email} (verified, as in PagerDuty)`, async () =>
            (await vigil.post<{ id: string }>(`/users/${userId}/contact-methods`, { kind: m.kind, address: m.address, label: m.label || m.kind, verified: true })).id,
          )),
      );
    }
    type Rule = { id: string; contactMethodId: string; delayMinutes: number; urgency: string | null };
    let rules = planned ? [] : await vigil.get<Rule[]>(`/users/${userId}/notification-rules`);
    if (isNew && !planned) {
      // Vigil gives a first contact method an immediate rule; a new user gets PagerDuty's rules instead.
      for (const r of rules) await vigil.delete(`/users/${userId}/notification-rules/${r.id}`);
      rules = [];
    }
    for (const r of u.rules) {
      const contactMethodId = methodIds.get(r.contactSourceId) as string;
      // A rule for both urgencies covers either.
      if (rules.some((x) => x.contactMethodId === contactMethodId && x.delayMinutes === r.delayMinutes && (x.urgency === r.urgency || x.urgency === null))) continue;
      await create(`notification rule of ${u.email}: ${r.urgency} urgency, after ${r.delayMinutes} min`, async () =>
        (await vigil.post<{ id: string }>(`/users/${userId}/notification-rules`, { contactMethodId, delayMinutes: r.delayMinutes, urgency: r.urgency })).id,
      );
    }
  }

  // Schedules, by name within their team, with their overrides.
  const scheduleIds = new Map<string, string>();
  const imported: { schedule: MappedSchedule; id: string; planned: boolean }[] = [];
  for (const s of schedules) {
    if (s.layers.length === 0) continue;
    const teamId = await teamOf(s.teamSourceId);
    const found = existingSchedules.find((x) => x.teamId === teamId && key(x.name) === key(s.name));
    if (found) {
      keep(`schedule "${s.name}"`);
      scheduleIds.set(s.sourceId, found.id);
      imported.push({ schedule: s, id: found.id, planned: false });
      continue;
    }
    const known = (sourceId: string, about: string) => {
      if (userIds.has(sourceId)) return true;
      notes.push({ subject: about, reason: `names PagerDuty user ${sourceId}, who was not listed: left out` });
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
    imported.push({ schedule: resolved, id, planned: dryRun });
  }

  // Escalation policies, by name within their team.
  const policyIds = new Map<string, { id: string; teamId: string }>();
  for (const p of policies) {
    if (p.steps.length === 0) continue;
    const teamId = await teamOf(p.teamSourceId);
    const found = existingPolicies.find((x) => x.teamId === teamId && key(x.name) === key(p.name));
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
        notes.push({ subject: `escalation policy "${p.name}" rule ${i + 1}`, reason: `its ${t.type} ${t.sourceId} was not imported: left out` });
        return [];
      });
      return targets.length === 0 ? [] : [{ waitSeconds: step.waitSeconds, targets }];
    });
  }

  // Services as monitors, by name within their team, keeping their integration keys.
  for (const m of monitors) {
    const policy = policyIds.get(m.policySourceId);
    if (!policy) {
      notes.push({ subject: `service "${m.name}"`, reason: 'its escalation policy was not imported: not imported' });
      continue;
    }
    const teamId = m.teamSourceId !== null && teamIds.has(m.teamSourceId) ? (teamIds.get(m.teamSourceId) as string) : policy.teamId;
    const found = existingMonitors.find((x) => x.teamId === teamId && key(x.name) === key(m.name));
    if (found) {
      keep(`monitor "${m.name}"`);
      continue;
    }
    await create(`pagerduty monitor "${m.name}"${m.integrationKey ? ' keeping its integration key' : ' with a new integration key'}`, () => monitor(m, teamId, policy.id));
  }

  async function monitor(m: MappedMonitor, teamId: string, policyId: string): Promise<string> {
    const made = await vigil.post<{ id: string; integrationKey?: string }>('/monitors', { name: m.name, teamId, policyId, kind: 'pagerduty', urgency: m.urgency });
    if (m.integrationKey) await vigil.put(`/monitors/${made.id}/integration-key`, { integrationKey: m.integrationKey });
    else print(`    new integration key for "${m.name}": ${made.integrationKey ?? '(none)'} (shown once)`);
    return made.id;
  }

  if (notes.length > 0) {
    print(`Not imported as they were (${notes.length}):`);
    for (const n of notes) plan(`${n.subject}: ${n.reason}`);
  }

  // Fidelity: PagerDuty's /oncalls against Vigil's timeline (or, in a dry run, its resolver on the plan).
  const emailOfVigil = new Map([...userIds].map(([pd, vigilId]) => [vigilId, emails.get(pd) ?? null]));
  const fidelity: PagerDutyImportResult['fidelity'] = [];
  const used = new Set(account.escalationPolicies.flatMap((p) => p.escalation_rules.flatMap((r) => r.targets.filter((t) => t.type === 'schedule_reference').map((t) => t.id))));
  // From when the schedules exist in Vigil (they have nobody before their creation).
  const from = options.now ?? systemClock.now();
  const to = from + WINDOW_DAYS * DAY;
  const onCalls = imported.length === 0 ? [] : await source.onCalls(imported.map((i) => i.schedule.sourceId), from, to);
  print(`Fidelity over the next ${WINDOW_DAYS} days (PagerDuty's /oncalls against Vigil${dryRun ? "'s resolver on the plan" : ''}):`);
  let differences = 0;
  for (const { schedule, id, planned } of imported) {
    if (!used.has(schedule.sourceId)) {
      plan(`schedule "${schedule.name}": not checked (no escalation policy pages it, so PagerDuty's /oncalls does not list it)`);
      fidelity.push({ schedule: schedule.name, result: null });
      continue;
    }
    const sourceSpans: OnCallSpan[] = onCalls
      .filter((o) => o.schedule?.id === schedule.sourceId)
      .map((o) => ({ start: o.start === null ? from : Date.parse(o.start), end: o.end === null ? to : Date.parse(o.end), who: emails.get(o.user.id) ?? o.user.id }));
    const vigilSpans = planned
      ? plannedOnCall(schedule, now, from, to, (u) => emails.get(u) ?? null)
      : (await vigil.get<{ final: { start: string; end: string; user: { id: string; email: string } | null }[] }>(`/schedules/${id}/timeline?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`)).final.map(
          (s) => ({ start: Date.parse(s.start), end: Date.parse(s.end), who: s.user ? (emailOfVigil.get(s.user.id) ?? key(s.user.email)) : null }),
        );
    const result = compareOnCall(sourceSpans, vigilSpans, from, to);
    fidelity.push({ schedule: schedule.name, result });
    differences += result.differences.length;
    plan(`schedule "${schedule.name}": ${result.handoffs} handoffs, ${result.differences.length} difference${result.differences.length === 1 ? '' : 's'}`);
    for (const d of result.differences) plan(`  ${when(d.start)} to ${when(d.end)} UTC: PagerDuty ${d.source ?? 'nobody'}, Vigil ${d.vigil ?? 'nobody'}`);
  }
  print(
    `${dryRun ? 'Would create' : 'Created'} ${created}, left ${existing} as they were, ${notes.length} not imported as they were, ${differences} on-call difference${differences === 1 ? '' : 's'}`,
  );
  return { created, existing, notes, fidelity };
}
