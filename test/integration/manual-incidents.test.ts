import { beforeAll, expect, it } from 'vitest';
import { enqueue } from '../../src/store/notifications.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTeamPeople } from '../support/team-people.js';
import { useTestApp, type Caller } from '../support/test-app.js';

/**
 * "Page someone now": POST /incidents opens an incident under the team's Manual pages
 * monitor and pages a user, a team, a schedule's on-call or a policy, naming who paged.
 */
describeEachDatabase('manual incidents', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-03-02T10:00:00Z' });
  const team = useTeamPeople(t, `Manual ${dialect}`, [
    { name: 'Ada', teamRole: 'manager' },
    { name: 'Bo' },
    { name: 'Cy', team: 'other' },
    { name: 'Dee', team: null },
    { name: 'Vi', role: 'viewer' },
  ]);
  let scheduleId = '';
  let policyId = '';
  let otherPolicyId = '';

  beforeAll(async () => {
    const { teamId, otherTeamId, ids } = team;
    scheduleId = (
      await t.admin.post('/api/v1/schedules', {
        name: `Primary ${dialect}`,
        teamId,
        timeZone: 'UTC',
        layers: [{ name: 'L1', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [ids.Bo] }],
      })
    ).body.id;
    const policy = async (name: string, owner: string, userId: string) =>
      (await t.admin.post('/api/v1/escalation-policies', { name, teamId: owner, steps: [{ waitSeconds: 300, targets: [{ type: 'user', userId }] }, { waitSeconds: 300, targets: [{ type: 'team', teamId: owner }] }] })).body.id as string;
    policyId = await policy(`Ada first ${dialect}`, teamId, ids.Ada as string);
    otherPolicyId = await policy(`Cy first ${dialect}`, otherTeamId, ids.Cy as string);
  });

  const page = (caller: Caller, body: Record<string, unknown>) => caller.post('/api/v1/incidents', { title: 'Database on fire', ...body });
  const detail = async (id: string) => (await t.admin.get(`/api/v1/incidents/${id}`)).body;
  const paged = async (id: string) => ((await detail(id)).notifications as { userId: string }[]).map((n) => n.userId).sort();
  const sorted = (...names: string[]) => names.map((n) => team.ids[n]).sort();

  it('pages a user by a one-step policy, under the team\'s Manual pages monitor, naming who paged', async () => {
    const res = await page(team.as.Bo as Caller, { target: { type: 'user', id: team.ids.Ada }, message: 'Replica lag 10 min', urgency: 'low' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Database on fire', description: 'Replica lag 10 min', urgency: 'low', status: 'triggered', step: 0, dedupKey: null, alertCount: 0 });
    const incident = await detail(res.body.id);
    const triggered = incident.timeline.find((e: { kind: string }) => e.kind === 'triggered');
    expect(triggered.actorId).toBe(team.ids.Bo);
    expect(await paged(res.body.id)).toEqual(sorted('Ada'));
    const snapshot = await t.vigil.database.db.selectFrom('incidents').select('policy').where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(JSON.parse(snapshot.policy)).toMatchObject({ name: 'Manual page to Ada', steps: [{ waitSeconds: 0, targets: [{ type: 'user', userId: team.ids.Ada }] }], repeat: 0, ackTimeoutSeconds: null });

    const monitor = (await t.admin.get(`/api/v1/monitors/${res.body.monitorId}`)).body;
    expect(monitor).toMatchObject({ name: 'Manual pages', kind: 'manual', teamId: team.teamId, policyId: null, system: true, status: 'down' });
    const listed = (await t.admin.get('/api/v1/monitors?limit=200')).body.items as { id: string }[];
    expect(listed.map((m) => m.id)).not.toContain(monitor.id);
    // The incident list shows it, and filters by it.
    const byMonitor = (await t.admin.get(`/api/v1/incidents?monitorId=${monitor.id}&status=triggered,acknowledged,resolved`)).body.items as { id: string }[];
    expect(byMonitor.map((i) => i.id)).toContain(res.body.id);
  });

  it('pages every member of a team, the on-call of a schedule, and a policy from its first step', async () => {
    const toTeam = await page(team.as.Ada as Caller, { target: { type: 'team', id: team.teamId } });
    expect(toTeam.status).toBe(201);
    expect(await paged(toTeam.body.id)).toEqual(sorted('Ada', 'Bo', 'Vi'));

    const toSchedule = await page(team.as.Ada as Caller, { target: { type: 'schedule', id: scheduleId } });
    expect(toSchedule.status).toBe(201);
    expect(await paged(toSchedule.body.id)).toEqual(sorted('Bo'));
    expect(toSchedule.body.policy.name).toBe(`Manual page to the on-call of Primary ${dialect}`);

    const toPolicy = await page(team.as.Ada as Caller, { target: { type: 'policy', id: policyId } });
    expect(toPolicy.status).toBe(201);
    expect(toPolicy.body.policy).toEqual({ id: policyId, name: `Ada first ${dialect}` });
    expect(toPolicy.body.nextActionAt).toBe(new Date(t.vigil.clock.now() + 300_000).toISOString());
    expect(await paged(toPolicy.body.id)).toEqual(sorted('Ada'));

    // One Manual pages monitor per team, and no dedup: every page is an incident.
    expect(new Set([toTeam, toSchedule, toPolicy].map((r) => r.body.monitorId)).size).toBe(1);
    expect(new Set([toTeam, toSchedule, toPolicy].map((r) => r.body.id)).size).toBe(3);
  });

  it("makes one Manual pages monitor when a team's first pages race", async () => {
    const racing = (await t.admin.post('/api/v1/teams', { name: `Racing ${dialect}` })).body.id as string;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => page(t.admin, { title: `Race ${i}`, teamId: racing, target: { type: 'team', id: racing } })));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const monitors = await t.vigil.database.db.selectFrom('monitors').select('id').where('team_id', '=', racing).where('system', '=', 1).execute();
    expect(monitors).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.monitorId))).toEqual(new Set([monitors[0]?.id]));
  });

  it('answers 400 with the field path for an unknown target or a team it cannot tell', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const type of ['user', 'team', 'schedule', 'policy']) {
      const res = await page(t.admin, { target: { type, id: unknown } });
      expect(res.status, type).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_page', errors: [{ path: '/body/target/id' }] });
    }
    const nowhere = await page(t.admin, { target: { type: 'user', id: team.ids.Dee } });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors).toEqual([{ path: '/body/teamId', message: 'is required: Dee is in no team' }]);
    // In two teams, the page must say which.
    for (const teamId of [team.teamId, team.otherTeamId]) await t.admin.put(`/api/v1/teams/${teamId}/members/${team.ids.Dee}`, { role: 'member' });
    const several = await page(t.admin, { target: { type: 'user', id: team.ids.Dee } });
    expect(several.status).toBe(400);
    expect(several.body.errors[0]).toMatchObject({ path: '/body/teamId', message: expect.stringContaining('several teams') });
    expect((await page(t.admin, { teamId: team.teamId, target: { type: 'user', id: team.ids.Dee } })).status).toBe(201);
    expect((await page(t.admin, { teamId: unknown, target: { type: 'team', id: team.teamId } })).body.errors).toEqual([{ path: '/body/teamId', message: 'is not an existing team' }]);

    // What the schema refuses is a 400 with its path, as everywhere.
    const bad = await t.admin.post('/api/v1/incidents', { title: '', target: { type: 'slack', id: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/body/title']));
  });

  it("is for the team's members and admins; another team's policy, schedule or people take an admin", async () => {
    const cy = team.as.Cy as Caller;
    expect((await page(cy, { target: { type: 'schedule', id: scheduleId } })).status).toBe(403);
    expect((await page(cy, { target: { type: 'policy', id: policyId } })).status).toBe(403);
    expect((await page(team.as.Vi as Caller, { target: { type: 'user', id: team.ids.Ada } })).status).toBe(403);
    // A member paging for their own team may not reach into another team.
    const crossing = await page(team.as.Bo as Caller, { teamId: team.teamId, target: { type: 'policy', id: otherPolicyId } });
    expect(crossing.status).toBe(403);
    expect(crossing.body.errors).toEqual([{ path: '/body/target/id', message: 'belongs to another team: only an admin can page it for another team' }]);
    const outsider = await page(team.as.Bo as Caller, { teamId: team.teamId, target: { type: 'user', id: team.ids.Cy } });
    expect(outsider.status).toBe(403);
    // Paging the other team's policy for that team is that team's business: Cy may.
    expect((await page(cy, { target: { type: 'policy', id: otherPolicyId } })).status).toBe(201);
    const byAdmin = await page(t.admin, { teamId: team.teamId, target: { type: 'policy', id: otherPolicyId } });
    expect(byAdmin.status).toBe(201);
    expect(await paged(byAdmin.body.id)).toEqual(sorted('Cy'));
  });

  it('refuses to change, delete or alert through a Manual pages monitor (409 system_monitor)', async () => {
    const monitorId = (await page(t.admin, { target: { type: 'team', id: team.teamId } })).body.monitorId as string;
    const refusals = [
      await t.admin.patch(`/api/v1/monitors/${monitorId}`, { name: 'Mine now' }),
      await t.admin.delete(`/api/v1/monitors/${monitorId}`),
      await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title: 'x' }),
      await t.admin.post(`/api/v1/monitors/${monitorId}/integration-key`),
      await t.admin.get(`/api/v1/monitors/${monitorId}/paging-plan`),
    ];
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual(Array(5).fill([409, 'system_monitor']));
    expect((await t.admin.get(`/api/v1/monitors/${monitorId}`)).body.name).toBe('Manual pages');
  });

  it("folds a deleted team's manual pages into the team that takes over its things", async () => {
    const leaving = (await t.admin.post('/api/v1/teams', { name: `Leaving ${dialect}` })).body.id as string;
    const staying = (await t.admin.post('/api/v1/teams', { name: `Staying ${dialect}` })).body.id as string;
    const first = (await page(t.admin, { target: { type: 'team', id: leaving } })).body;
    const second = (await page(t.admin, { target: { type: 'team', id: staying } })).body;
    // A page of the folded incident (due long after the test) keeps naming its incident's monitor, for analytics.
    const outbox = { userId: null, contactMethodId: null, channel: 'webhook' as const, address: 'https://example.com/hook', dueAt: Date.parse('2100-01-01') };
    await enqueue(t.vigil.database.db, [{ ...outbox, idempotencyKey: `fold-${dialect}`, incidentId: first.id }], Date.now());
    const deleted = await t.admin.delete(`/api/v1/teams/${leaving}?replaceWith=${staying}`);
    expect(deleted.status).toBe(204);
    expect((await detail(first.id)).monitorId).toBe(second.monitorId);
    const left = await t.vigil.database.db.selectFrom('monitors').select('id').where('system', '=', 1).where('team_id', 'in', [leaving, staying]).execute();
    expect(left.map((m) => m.id)).toEqual([second.monitorId]);
    const pages = await t.vigil.database.db.selectFrom('notifications').select('incident_monitor_id').where('idempotency_key', '=', `fold-${dialect}`).execute();
    expect(pages.map((p) => p.incident_monitor_id)).toEqual([second.monitorId]);
  });
});
