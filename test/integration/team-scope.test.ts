import { beforeAll, expect, it } from 'vitest';
import { signLink } from '../../src/security/signed-link.js';
import { describeEachDatabase } from '../support/databases.js';
import { testConfig, useTestApp, type Caller, type TestApp } from '../support/test-app.js';

const PASSWORD = 'scope-password';
const secret = testConfig('sqlite:unused').secret;

interface Scene {
  teamA: string;
  teamB: string;
  ids: Record<'manager' | 'member' | 'outsider', string>;
  member: Caller;
  outsider: Caller;
  policyA: string;
  policyB: string;
  scheduleB: string;
  monitorA: string;
}

async function scene(t: TestApp, tag: string): Promise<Scene> {
  const team = async (name: string) => (await t.admin.post('/api/v1/teams', { name: `${name} ${tag}` })).body.id as string;
  const teamA = await team('Scope A');
  const teamB = await team('Scope B');
  const ids = {} as Scene['ids'];
  const callers = {} as Record<keyof Scene['ids'], Caller>;
  for (const [key, teamId, role] of [['manager', teamA, 'manager'], ['member', teamA, 'member'], ['outsider', teamB, 'member']] as const) {
    const email = `${key}-${tag}@scope.test`;
    ids[key] = (await t.admin.post('/api/v1/users', { email, name: `${key} ${tag}`, role: 'responder', password: PASSWORD })).body.id;
    await t.admin.put(`/api/v1/teams/${teamId}/members/${ids[key]}`, { role });
    callers[key] = await t.login(email, PASSWORD);
  }
  const policy = async (teamId: string, userId: string) =>
    (await t.admin.post('/api/v1/escalation-policies', { teamId, name: `Scope policy ${teamId}`, repeat: 0, steps: [{ waitSeconds: 0, targets: [{ type: 'user', userId }] }] })).body
      .id as string;
  const policyA = await policy(teamA, ids.member);
  const policyB = await policy(teamB, ids.outsider);
  const scheduleB = (
    await t.admin.post('/api/v1/schedules', {
      name: `Scope B schedule ${tag}`,
      teamId: teamB,
      timeZone: 'UTC',
      layers: [{ name: 'L', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids.outsider] }],
    })
  ).body.id as string;
  const monitorA = (await t.admin.post('/api/v1/monitors', { teamId: teamA, name: `Scope monitor ${tag}`, policyId: policyA })).body.id as string;
  return { teamA, teamB, ids, member: callers.member, outsider: callers.outsider, policyA, policyB, scheduleB, monitorA };
}

async function openIncident(t: TestApp, monitorId: string): Promise<string> {
  const res = await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title: 'Disk full' });
  expect(res.status).toBe(201);
  return res.body.incident.id;
}

describeEachDatabase('team scope', (dialect) => {
  const t = useTestApp(dialect);
  let s: Scene;
  beforeAll(async () => {
    s = await scene(t, dialect);
  });

  it("lets only the monitor's team and admins act on its incidents and raise its alerts", async () => {
    const incident = await openIncident(t, s.monitorA);
    // The incident tells each caller whether they may act, so the UI offers only what works.
    expect((await s.outsider.get(`/api/v1/incidents/${incident}`)).body.youMayAct).toBe(false);
    expect((await s.member.get(`/api/v1/incidents/${incident}`)).body.youMayAct).toBe(true);
    expect((await t.admin.get(`/api/v1/incidents/${incident}`)).body.youMayAct).toBe(true);
    for (const path of ['acknowledge', 'escalate', 'resolve']) {
      const res = await s.outsider.post(`/api/v1/incidents/${incident}/${path}`);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect((await s.outsider.post(`/api/v1/incidents/${incident}/comments`, { text: 'mine now' })).status).toBe(403);
    expect((await s.outsider.post(`/api/v1/incidents/${incident}/reassign`, { userId: s.ids.outsider })).status).toBe(403);
    expect((await s.outsider.post(`/api/v1/monitors/${s.monitorA}/alerts`, { title: 'Fake' })).status).toBe(403);
    expect((await s.member.post(`/api/v1/incidents/${incident}/comments`, { text: 'on it' })).status).toBe(201);
    expect((await s.member.post(`/api/v1/incidents/${incident}/acknowledge`)).status).toBe(200);
    expect((await t.admin.post(`/api/v1/incidents/${incident}/resolve`)).status).toBe(200);
  });

  it("checks the recipient's current rights when a signed email link is used", async () => {
    const incident = await openIncident(t, s.monitorA);
    const link = (userId: string, action: 'acknowledge' | 'resolve') =>
      `/api/v1/incident-links?token=${signLink({ incidentId: incident, action, userId, expiresAt: Date.now() + 3_600_000 }, secret)}`;
    // An outsider's link (say, paged before they left the team) does nothing.
    const outsider = await t.vigil.app.inject({ method: 'POST', url: link(s.ids.outsider, 'acknowledge') });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.body).toContain('can no longer act');
    expect((await t.admin.get(`/api/v1/incidents/${incident}`)).body.status).toBe('triggered');

    // Demoted to viewer: the link stops working; promoted back, it works again.
    await t.admin.patch(`/api/v1/users/${s.ids.member}`, { role: 'viewer' });
    expect((await t.vigil.app.inject({ method: 'POST', url: link(s.ids.member, 'acknowledge') })).statusCode).toBe(403);
    await t.admin.patch(`/api/v1/users/${s.ids.member}`, { role: 'responder' });
    expect((await t.vigil.app.inject({ method: 'POST', url: link(s.ids.member, 'acknowledge') })).statusCode).toBe(200);
    expect((await t.admin.get(`/api/v1/incidents/${incident}`)).body.status).toBe('acknowledged');

    // Removed from the team: no longer.
    await t.admin.delete(`/api/v1/teams/${s.teamA}/members/${s.ids.member}?force=true`);
    expect((await t.vigil.app.inject({ method: 'POST', url: link(s.ids.member, 'resolve') })).statusCode).toBe(403);
    await t.admin.put(`/api/v1/teams/${s.teamA}/members/${s.ids.member}`, { role: 'member' });
    expect((await t.vigil.app.inject({ method: 'POST', url: link(s.ids.member, 'resolve') })).statusCode).toBe(200);
  });

  it("refuses references to another team's policy, schedules, team or people to team members, with the field paths", async () => {
    const monitor = await s.member.post('/api/v1/monitors', { teamId: s.teamA, name: 'Borrowing', policyId: s.policyB });
    expect(monitor.status).toBe(403);
    expect(monitor.body.errors).toEqual([{ path: '/body/policyId', message: expect.stringContaining('another team') }]);
    expect((await s.member.patch(`/api/v1/monitors/${s.monitorA}`, { policyId: s.policyB })).status).toBe(403);

    const steps = [
      {
        waitSeconds: 0,
        targets: [
          { type: 'schedule', scheduleId: s.scheduleB },
          { type: 'team', teamId: s.teamB },
          { type: 'user', userId: s.ids.outsider },
          { type: 'user', userId: s.ids.manager },
          { type: 'team', teamId: s.teamA },
          { type: 'webhook', url: 'https://hooks.example.com/scope' },
        ],
      },
    ];
    const policy = await s.member.post('/api/v1/escalation-policies', { teamId: s.teamA, name: 'Pages everyone', repeat: 0, steps });
    expect(policy.status).toBe(403);
    expect(policy.body.errors.map((e: { path: string }) => e.path)).toEqual([
      '/body/steps/0/targets/0/scheduleId',
      '/body/steps/0/targets/1/teamId',
      '/body/steps/0/targets/2/userId',
    ]);

    // An admin may; team members may then still edit the policy around what the admin set.
    const made = await t.admin.post('/api/v1/escalation-policies', { teamId: s.teamA, name: 'Pages everyone', repeat: 0, steps });
    expect(made.status).toBe(201);
    const edited = await s.member.put(`/api/v1/escalation-policies/${made.body.id}`, { teamId: s.teamA, name: 'Pages everyone', repeat: 2, steps });
    expect(edited.status).toBe(200);
    const added = [{ ...steps[0], targets: [...(steps[0]?.targets ?? [])] }, { waitSeconds: 60, targets: [{ type: 'team', teamId: s.teamB }] }];
    expect((await s.member.put(`/api/v1/escalation-policies/${made.body.id}`, { teamId: s.teamA, name: 'Pages everyone', repeat: 2, steps: added })).status).toBe(200);
    expect((await t.admin.post('/api/v1/monitors', { teamId: s.teamA, name: 'Borrowing', policyId: s.policyB })).status).toBe(201);
  });

  it("shows a policy's webhook signing secrets only to those who may edit it", async () => {
    const steps = [{ waitSeconds: 0, targets: [{ type: 'webhook', url: 'https://hooks.example.com/secret' }] }];
    const id = (await t.admin.post('/api/v1/escalation-policies', { teamId: s.teamA, name: 'Signed', repeat: 0, steps })).body.id;
    expect((await s.member.get(`/api/v1/escalation-policies/${id}`)).body.webhookSigningSecrets).toEqual({ 'https://hooks.example.com/secret': expect.any(String) });
    expect((await s.outsider.get(`/api/v1/escalation-policies/${id}`)).body.webhookSigningSecrets).toBeUndefined();
    const listed = (await s.outsider.get('/api/v1/escalation-policies?limit=200')).body.items.find((p: { id: string }) => p.id === id);
    expect(listed.webhookSigningSecrets).toBeUndefined();
  });
});

describeEachDatabase('team scope with VIGIL_INCIDENT_ACTIONS=everyone', (dialect) => {
  const t = useTestApp(dialect, { config: () => ({ incidentActions: 'everyone' }) });

  it("lets every responder act on any team's incidents, but still not viewers", async () => {
    const s = await scene(t, `${dialect}-everyone`);
    const incident = await openIncident(t, s.monitorA);
    expect((await s.outsider.get(`/api/v1/incidents/${incident}`)).body.youMayAct).toBe(true);
    expect((await s.outsider.post(`/api/v1/incidents/${incident}/acknowledge`)).status).toBe(200);
    expect((await s.outsider.post(`/api/v1/monitors/${s.monitorA}/alerts`, { title: 'Also broken' })).status).toBe(201);
    await t.admin.post('/api/v1/users', { email: `viewer-${dialect}@scope.test`, name: 'Viewer', role: 'viewer', password: PASSWORD });
    const viewer = await t.login(`viewer-${dialect}@scope.test`, PASSWORD);
    expect((await viewer.get(`/api/v1/incidents/${incident}`)).body.youMayAct).toBe(false);
    expect((await viewer.post(`/api/v1/incidents/${incident}/resolve`)).status).toBe(403);
  });
});
