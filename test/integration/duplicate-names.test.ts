import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp } from '../support/test-app.js';

// Schedules and policies are picked by name, so a team may not have two of one kind
// with the same name (spaces around it and letter case do not count).
describeEachDatabase('duplicate schedule and policy names', (dialect) => {
  const t = useTestApp(dialect);
  const ids = useDemoIds(t);

  const schedule = (name: string, teamId = ids['team']) =>
    t.admin.post('/api/v1/schedules', { name, teamId, timeZone: 'UTC', layers: [{ name: 'Primary', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [ids['alice']] }] });
  const policyBody = (name: string, teamId = ids['team']) => ({ name, teamId, steps: [{ waitSeconds: 0, targets: [{ type: 'user', userId: ids['alice'] }] }] });
  const policy = (name: string, teamId = ids['team']) => t.admin.post('/api/v1/escalation-policies', policyBody(name, teamId));
  const otherTeam = async (name: string) => (await t.admin.post('/api/v1/teams', { name })).body.id as string;

  const expectTaken = (res: { status: number; headers: Record<string, unknown>; body: { code: string; errors: { path: string; message: string }[] } }, kind: string) => {
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('name_taken');
    expect(res.body.errors).toEqual([{ path: '/body/name', message: expect.stringContaining(`Another ${kind} of this team`) }]);
  };

  it('refuses a new schedule named like another of its team, whatever the case and spaces', async () => {
    expect((await schedule('Database on-call')).status).toBe(201);
    expectTaken(await schedule('  database ON-CALL '), 'schedule');
    // Another team may use the name, and so may a policy.
    expect((await schedule('Database on-call', await otherTeam('Schedules elsewhere'))).status).toBe(201);
    expect((await policy('Database on-call')).status).toBe(201);
  });

  it('refuses renaming or moving a schedule onto a name taken in the team; keeping its own name is fine', async () => {
    const a = (await schedule('Rename A')).body;
    const b = (await schedule('Rename B')).body;
    expectTaken(await t.admin.patch(`/api/v1/schedules/${b.id}`, { name: 'rename a' }), 'schedule');
    expect((await t.admin.patch(`/api/v1/schedules/${a.id}`, { name: 'RENAME A' })).status).toBe(200);
    const elsewhere = await otherTeam('Move target');
    expect((await schedule('Moving', elsewhere)).status).toBe(201);
    const moving = (await schedule('Moving')).body;
    expectTaken(await t.admin.patch(`/api/v1/schedules/${moving.id}`, { teamId: elsewhere }), 'schedule');
    expect((await t.admin.get(`/api/v1/schedules/${moving.id}`)).body.teamId).toBe(ids['team']);
  });

  it('refuses a new or renamed policy named like another of its team', async () => {
    expect((await policy('Primary escalation')).status).toBe(201);
    expectTaken(await policy('primary escalation '), 'escalation policy');
    const other = (await policy('Secondary escalation')).body;
    expectTaken(await t.admin.put(`/api/v1/escalation-policies/${other.id}`, policyBody('Primary Escalation')), 'escalation policy');
    expect((await t.admin.put(`/api/v1/escalation-policies/${other.id}`, { ...policyBody('Secondary escalation'), description: 'kept its name' })).status).toBe(200);
    expect((await policy('Primary escalation', await otherTeam('Policies elsewhere'))).status).toBe(201);
  });

  it('two requests at once for one name: exactly one is created', async () => {
    const results = await Promise.all([schedule('Race'), schedule('race'), schedule('RACE ')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const policies = await Promise.all([policy('Race'), policy('race'), policy(' RACE')]);
    expect(policies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('duplicates stored before the rule stay readable and editable under their names', async () => {
    const first = (await policy('Legacy')).body;
    const second = (await policy('Legacy copy')).body;
    // As an older Vigil could have left it.
    await t.vigil.database.db.updateTable('escalation_policies').set({ name: 'legacy' }).where('id', '=', second.id).execute();
    expect((await t.admin.get(`/api/v1/escalation-policies/${second.id}`)).body.name).toBe('legacy');
    const edited = await t.admin.put(`/api/v1/escalation-policies/${second.id}`, { ...policyBody('legacy'), repeat: 2 });
    expect(edited.status).toBe(200);
    expect((await t.admin.put(`/api/v1/escalation-policies/${first.id}`, { ...policyBody('Legacy'), repeat: 1 })).status).toBe(200);
    // Renaming one of them away settles it; renaming it back is refused again.
    expect((await t.admin.put(`/api/v1/escalation-policies/${second.id}`, policyBody('Legacy (old)'))).status).toBe(200);
    expectTaken(await t.admin.put(`/api/v1/escalation-policies/${second.id}`, policyBody('LEGACY')), 'escalation policy');
  });
});
