import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

// Deleting what paging relies on is refused with 409 and the list of references, unless
// force or replaceWith says what to do with them; a refusal changes nothing.
describeEachDatabase('deleting what paging relies on', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-03-03T16:00:00.000Z' });
  let teamId = '';
  const WEBHOOK = { type: 'webhook', url: 'https://hooks.example.com/x' };

  beforeAll(async () => {
    teamId = (await t.admin.get('/api/v1/teams')).body.items.find((x: { name: string }) => x.name === 'Platform').id;
  });

  async function newUser(name: string): Promise<string> {
    const res = await t.admin.post('/api/v1/users', { email: `${name}@example.com`, name, role: 'responder' });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function newSchedule(name: string, members: string[][]): Promise<{ id: string; layers: { id: string }[] }> {
    const res = await t.admin.post('/api/v1/schedules', {
      name,
      teamId,
      timeZone: 'America/Chicago',
      layers: members.map((m, i) => ({ name: `L${i}`, rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: m })),
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function newPolicy(name: string, steps: unknown[][], owner = teamId): Promise<string> {
    const res = await t.admin.post('/api/v1/escalation-policies', { name, teamId: owner, steps: steps.map((targets) => ({ waitSeconds: 300, targets })) });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const stepsOf = async (policyId: string) => (await t.admin.get(`/api/v1/escalation-policies/${policyId}`)).body.steps.map((s: { targets: unknown[] }) => s.targets);

  it('refuses to delete a schedule a policy pages through, listing every step; replaceWith re-points them', async () => {
    const s = await newSchedule('Referenced', [[], []]);
    const other = await newSchedule('Replacement', [[]]);
    const layer = s.layers[1]?.id;
    const policyId = await newPolicy('Uses schedule', [
      [{ type: 'schedule', scheduleId: s.id }, WEBHOOK],
      [{ type: 'schedule_layer', scheduleId: s.id, layerId: layer }],
      [{ type: 'schedule_all_layers', scheduleId: s.id }],
    ]);
    const before = await stepsOf(policyId);

    const refused = await t.admin.delete(`/api/v1/schedules/${s.id}`);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('in_use');
    expect(refused.body.detail).toContain('"Uses schedule" step 1');
    const ref = { kind: 'policy', id: policyId, name: 'Uses schedule', via: 'target', settledBy: ['force', 'replaceWith'] };
    expect(refused.body.references).toEqual([
      { ...ref, step: 0, targetType: 'schedule' },
      { ...ref, step: 1, targetType: 'schedule_layer' },
      { ...ref, step: 2, targetType: 'schedule_all_layers' },
    ]);
    expect((await t.admin.get(`/api/v1/schedules/${s.id}`)).status).toBe(200);
    expect(await stepsOf(policyId)).toEqual(before);

    const both = await t.admin.delete(`/api/v1/schedules/${s.id}?force=true&replaceWith=${other.id}`);
    expect(both.status).toBe(400);
    const unknown = await t.admin.delete(`/api/v1/schedules/${s.id}?replaceWith=00000000-0000-4000-8000-000000000000`);
    expect(unknown.body.errors).toEqual([{ path: '/querystring/replaceWith', message: 'is not an existing schedule' }]);
    expect((await t.admin.delete(`/api/v1/schedules/${s.id}?replaceWith=${s.id}`)).status).toBe(400);
    expect((await t.admin.get(`/api/v1/schedules/${s.id}`)).status).toBe(200);

    expect((await t.admin.delete(`/api/v1/schedules/${s.id}?replaceWith=${other.id}`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/schedules/${s.id}`)).status).toBe(404);
    // A layer of the deleted schedule has no counterpart: its step pages the replacement's primary.
    expect(await stepsOf(policyId)).toEqual([
      [{ type: 'schedule', scheduleId: other.id }, WEBHOOK],
      [{ type: 'schedule', scheduleId: other.id }],
      [{ type: 'schedule_all_layers', scheduleId: other.id }],
    ]);
  });

  it('force deletes a schedule and removes it from the steps, keeping emptied steps for their timing', async () => {
    const s = await newSchedule('Forced', [[]]);
    const policyId = await newPolicy('Forced user', [[{ type: 'schedule', scheduleId: s.id }], [WEBHOOK, { type: 'schedule_all_layers', scheduleId: s.id }]]);
    expect((await t.admin.delete(`/api/v1/schedules/${s.id}?force=true`)).status).toBe(204);
    expect(await stepsOf(policyId)).toEqual([[], [WEBHOOK]]);
    // Nothing relies on it any more: a plain delete of another unused schedule just works.
    const unused = await newSchedule('Unused', [[]]);
    expect((await t.admin.delete(`/api/v1/schedules/${unused.id}`)).status).toBe(204);
  });

  it('refuses to remove a layer a policy step pages unless forced', async () => {
    const s = await newSchedule('Layered', [[], []]);
    const [kept, paged] = [s.layers[0]?.id, s.layers[1]?.id];
    const policyId = await newPolicy('Pages a layer', [[{ type: 'schedule_layer', scheduleId: s.id, layerId: paged }, { type: 'schedule_layer', scheduleId: s.id, layerId: kept }]]);
    const refused = await t.admin.delete(`/api/v1/schedules/${s.id}/layers/${paged}`);
    expect(refused.status).toBe(409);
    expect(refused.body.references).toMatchObject([{ kind: 'policy', id: policyId, step: 0, targetType: 'schedule_layer', settledBy: ['force'] }]);
    expect((await t.admin.get(`/api/v1/schedules/${s.id}`)).body.layers).toHaveLength(2);
    const removed = await t.admin.delete(`/api/v1/schedules/${s.id}/layers/${paged}?force=true`);
    expect(removed.status).toBe(200);
    expect(removed.body.layers.map((l: { id: string }) => l.id)).toEqual([kept]);
    expect(await stepsOf(policyId)).toEqual([[{ type: 'schedule_layer', scheduleId: s.id, layerId: kept }]]);
    // The last layer is still refused for its own reason, and the policy keeps its target.
    expect((await t.admin.delete(`/api/v1/schedules/${s.id}/layers/${kept}?force=true`)).body.code).toBe('last_layer');
    expect(await stepsOf(policyId)).toEqual([[{ type: 'schedule_layer', scheduleId: s.id, layerId: kept }]]);
  });

  it('refuses to delete a user a step pages or who is on a roster; replaceWith re-points, force removes', async () => {
    const paged = await newUser('paged');
    const backup = await newUser('backup');
    const policyId = await newPolicy('Pages a user', [[{ type: 'user', userId: paged }], [{ type: 'user', userId: backup }, { type: 'user', userId: paged }]]);
    const refused = await t.admin.delete(`/api/v1/users/${paged}`);
    expect(refused.status).toBe(409);
    expect(refused.body.references.map((r: { step: number; targetType: string }) => [r.step, r.targetType])).toEqual([
      [0, 'user'],
      [1, 'user'],
    ]);
    expect((await t.admin.get(`/api/v1/users/${paged}`)).status).toBe(200);

    expect((await t.admin.delete(`/api/v1/users/${paged}?replaceWith=${backup}`)).status).toBe(204);
    // Re-pointing merges the duplicate it creates in step 2.
    expect(await stepsOf(policyId)).toEqual([[{ type: 'user', userId: backup }], [{ type: 'user', userId: backup }]]);
    expect((await t.admin.delete(`/api/v1/users/${backup}?force=true`)).status).toBe(204);
    expect(await stepsOf(policyId)).toEqual([[], []]);

    // The only member of a layer: their turns would page nobody.
    const rostered = await newUser('rostered');
    const s = await newSchedule('Lonely layer', [[rostered]]);
    const onRoster = await t.admin.delete(`/api/v1/users/${rostered}`);
    expect(onRoster.status).toBe(409);
    expect(onRoster.body.references).toEqual([
      { kind: 'schedule', id: s.id, name: 'Lonely layer', via: 'roster', layerId: s.layers[0]?.id, layerName: 'L0', settledBy: ['force'] },
    ]);
    const stand = await newUser('stand-in');
    expect((await t.admin.delete(`/api/v1/users/${rostered}?replaceWith=${stand}`)).status).toBe(409);
    expect((await t.admin.get(`/api/v1/users/${rostered}`)).status).toBe(200);
    expect((await t.admin.delete(`/api/v1/users/${rostered}?force=true`)).status).toBe(204);
  });

  it("refuses to delete a paged user's last reachable contact method or rule unless forced", async () => {
    const user = await newUser('reachable');
    await newPolicy('Pages reachable', [[{ type: 'user', userId: user }]]);
    // Webhooks are verified on creation; the first method gets an immediate rule.
    const hook = (await t.admin.post(`/api/v1/users/${user}/contact-methods`, { kind: 'webhook', address: 'https://hooks.example.com/me' })).body;
    const refused = await t.admin.delete(`/api/v1/users/${user}/contact-methods/${hook.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'in_use', references: [{ kind: 'policy', name: 'Pages reachable', step: 0, targetType: 'user', settledBy: ['force'] }] });

    // A second verified method without a rule does not reach them either.
    const slack = (await t.admin.post(`/api/v1/users/${user}/contact-methods`, { kind: 'slack', address: 'https://hooks.slack.com/services/x' })).body;
    expect((await t.admin.delete(`/api/v1/users/${user}/contact-methods/${hook.id}`)).status).toBe(409);
    const rule = (await t.admin.post(`/api/v1/users/${user}/notification-rules`, { contactMethodId: slack.id, delayMinutes: 0 })).body;
    expect((await t.admin.delete(`/api/v1/users/${user}/contact-methods/${hook.id}`)).status).toBe(204);

    expect((await t.admin.delete(`/api/v1/users/${user}/notification-rules/${rule.id}`)).status).toBe(409);
    expect((await t.admin.get(`/api/v1/users/${user}/notification-rules`)).body).toHaveLength(1);
    expect((await t.admin.delete(`/api/v1/users/${user}/contact-methods/${slack.id}?force=true`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/users/${user}/contact-methods`)).body).toEqual([]);
  });

  it('counts a user paged through a schedule they are on, and ignores users no policy pages', async () => {
    const onCall = await newUser('oncall');
    const s = await newSchedule('Via schedule', [[onCall]]);
    await newPolicy('Pages via schedule', [[WEBHOOK], [{ type: 'schedule', scheduleId: s.id }]]);
    const hook = (await t.admin.post(`/api/v1/users/${onCall}/contact-methods`, { kind: 'webhook', address: 'https://hooks.example.com/oncall' })).body;
    const refused = await t.admin.delete(`/api/v1/users/${onCall}/contact-methods/${hook.id}`);
    expect(refused.body.references).toMatchObject([{ name: 'Pages via schedule', step: 1, targetType: 'schedule' }]);

    const idle = await newUser('idle');
    const idleHook = (await t.admin.post(`/api/v1/users/${idle}/contact-methods`, { kind: 'webhook', address: 'https://hooks.example.com/idle' })).body;
    expect((await t.admin.delete(`/api/v1/users/${idle}/contact-methods/${idleHook.id}`)).status).toBe(204);
  });

  it('refuses to remove the last member of a team a policy pages', async () => {
    const team = (await t.admin.post('/api/v1/teams', { name: 'Paged team' })).body;
    const first = await newUser('member-one');
    const second = await newUser('member-two');
    await t.admin.put(`/api/v1/teams/${team.id}/members/${first}`, { role: 'member' });
    await newPolicy('Pages a team', [[{ type: 'team', teamId: team.id }]]);

    const refused = await t.admin.delete(`/api/v1/teams/${team.id}/members/${first}`);
    expect(refused.status).toBe(409);
    expect(refused.body.references).toMatchObject([{ kind: 'policy', name: 'Pages a team', targetType: 'team', settledBy: ['force'] }]);
    // Deleting the user would empty the team just the same.
    expect((await t.admin.delete(`/api/v1/users/${first}`)).status).toBe(409);
    expect((await t.admin.get(`/api/v1/teams/${team.id}`)).body.members).toHaveLength(1);

    await t.admin.put(`/api/v1/teams/${team.id}/members/${second}`, { role: 'member' });
    expect((await t.admin.delete(`/api/v1/teams/${team.id}/members/${first}`)).status).toBe(204);
    expect((await t.admin.delete(`/api/v1/teams/${team.id}/members/${second}`)).status).toBe(409);
    expect((await t.admin.delete(`/api/v1/teams/${team.id}/members/${second}?force=true`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/teams/${team.id}`)).body.members).toEqual([]);
  });

  it('refuses to delete a team that owns configuration or is paged; replaceWith moves and re-points everything', async () => {
    const doomed = (await t.admin.post('/api/v1/teams', { name: 'Doomed' })).body;
    const heir = (await t.admin.post('/api/v1/teams', { name: 'Heir' })).body;
    const s = (await t.admin.post('/api/v1/schedules', { name: 'Doomed schedule', teamId: doomed.id, timeZone: 'UTC', layers: [{ name: 'L', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [] }] })).body;
    const owned = await newPolicy('Doomed policy', [[WEBHOOK]], doomed.id);
    const monitor = (await t.admin.post('/api/v1/monitors', { name: 'Doomed monitor', teamId: doomed.id, policyId: owned })).body;
    const pager = await newPolicy('Pages doomed', [[{ type: 'team', teamId: doomed.id }]]);

    const refused = await t.admin.delete(`/api/v1/teams/${doomed.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('team_in_use');
    expect(refused.body.references).toEqual([
      { kind: 'schedule', id: s.id, name: 'Doomed schedule', via: 'owner', settledBy: ['replaceWith'] },
      { kind: 'policy', id: owned, name: 'Doomed policy', via: 'owner', settledBy: ['replaceWith'] },
      { kind: 'monitor', id: monitor.id, name: 'Doomed monitor', via: 'owner', settledBy: ['replaceWith'] },
      { kind: 'policy', id: pager, name: 'Pages doomed', via: 'target', step: 0, targetType: 'team', settledBy: ['force', 'replaceWith'] },
    ]);
    // Force never deletes what the team owns.
    expect((await t.admin.delete(`/api/v1/teams/${doomed.id}?force=true`)).status).toBe(409);
    expect((await t.admin.get(`/api/v1/teams/${doomed.id}`)).status).toBe(200);

    expect((await t.admin.delete(`/api/v1/teams/${doomed.id}?replaceWith=${heir.id}`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/schedules/${s.id}`)).body.teamId).toBe(heir.id);
    expect((await t.admin.get(`/api/v1/escalation-policies/${owned}`)).body.teamId).toBe(heir.id);
    expect((await t.admin.get(`/api/v1/monitors/${monitor.id}`)).body.teamId).toBe(heir.id);
    expect(await stepsOf(pager)).toEqual([[{ type: 'team', teamId: heir.id }]]);

    expect((await t.admin.delete(`/api/v1/teams/${heir.id}?force=true`)).status).toBe(409);
    const pagedOnly = (await t.admin.post('/api/v1/teams', { name: 'Paged only' })).body;
    const pagesIt = await newPolicy('Pages paged only', [[{ type: 'team', teamId: pagedOnly.id }, WEBHOOK]]);
    expect((await t.admin.delete(`/api/v1/teams/${pagedOnly.id}?force=true`)).status).toBe(204);
    expect(await stepsOf(pagesIt)).toEqual([[WEBHOOK]]);
  });

  it('never lets a policy saved during a deletion keep naming what was deleted', async () => {
    for (let i = 0; i < 8; i++) {
      const s = await newSchedule(`Raced ${i}`, [[]]);
      const [saved, deleted] = await Promise.all([
        t.admin.post('/api/v1/escalation-policies', { name: `Racer ${i}`, teamId, steps: [{ waitSeconds: 0, targets: [{ type: 'schedule', scheduleId: s.id }] }] }),
        t.admin.delete(`/api/v1/schedules/${s.id}`),
      ]);
      // One of them wins; the other is refused: never a policy pointing at nothing.
      expect([saved.status, deleted.status].sort()).toEqual(saved.status === 201 ? [201, 409] : [204, 400]);
    }
  });

  it('lists the monitors that use a policy; replaceWith points them at another', async () => {
    const used = await newPolicy('Used by monitors', [[WEBHOOK]]);
    const spare = await newPolicy('Spare', [[WEBHOOK]]);
    const monitor = (await t.admin.post('/api/v1/monitors', { name: 'Needs a policy', teamId, policyId: used })).body;
    const refused = await t.admin.delete(`/api/v1/escalation-policies/${used}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'policy_in_use',
      references: [{ kind: 'monitor', id: monitor.id, name: 'Needs a policy', via: 'policy', settledBy: ['replaceWith'] }],
    });
    expect((await t.admin.delete(`/api/v1/escalation-policies/${used}?force=true`)).status).toBe(400);
    expect((await t.admin.delete(`/api/v1/escalation-policies/${used}?replaceWith=${spare}`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/monitors/${monitor.id}`)).body.policyId).toBe(spare);
  });

  it('lists the event rules that route to a policy; replaceWith routes them to another, within the monitor\'s team', async () => {
    const routed = await newPolicy('Routed to', [[WEBHOOK]]);
    const spare = await newPolicy('Routes take this', [[WEBHOOK]]);
    const home = await newPolicy('Monitor home', [[WEBHOOK]]);
    const elsewhere = (await t.admin.post('/api/v1/teams', { name: 'Elsewhere' })).body;
    const foreign = await newPolicy('Other team', [[WEBHOOK]], elsewhere.id);
    const monitor = (await t.admin.post('/api/v1/monitors', { name: 'Routes by rule', kind: 'pagerduty', teamId, policyId: home })).body;
    const toRouted = { name: 'EU to routed', when: [{ field: 'region', op: 'equals', value: 'eu' }], then: { policyId: routed } };
    const quiet = { name: 'Quiet', when: [], then: { urgency: 'low' } };
    expect((await t.admin.put(`/api/v1/monitors/${monitor.id}/event-rules`, { rules: [quiet, toRouted] })).status).toBe(200);
    expect((await t.admin.put('/api/v1/event-rules', { rules: [{ ...toRouted, name: 'Global to routed' }] })).status).toBe(200);

    const refused = await t.admin.delete(`/api/v1/escalation-policies/${routed}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('policy_in_use');
    expect(refused.body.detail).toContain('event rule "EU to routed" (monitor "Routes by rule")');
    expect(refused.body.references).toEqual([
      expect.objectContaining({ kind: 'event_rule', name: 'Global to routed', via: 'route', settledBy: ['replaceWith'] }),
      expect.objectContaining({ kind: 'event_rule', name: 'EU to routed', via: 'route', monitorId: monitor.id, monitorName: 'Routes by rule', settledBy: ['replaceWith'] }),
    ]);
    expect(refused.body.references[0]).not.toHaveProperty('monitorId');

    // The monitor's rules route within its team: a policy of another team cannot take over, and nothing changes.
    const crossTeam = await t.admin.delete(`/api/v1/escalation-policies/${routed}?replaceWith=${foreign}`);
    expect(crossTeam.status).toBe(400);
    expect(crossTeam.body.errors).toEqual([expect.objectContaining({ path: '/querystring/replaceWith', message: expect.stringContaining('Routes by rule') })]);
    expect((await t.admin.get(`/api/v1/monitors/${monitor.id}/event-rules`)).body.rules[1].then.policyId).toBe(routed);
    expect((await t.admin.get('/api/v1/event-rules')).body.rules[0].then.policyId).toBe(routed);
    expect((await t.admin.get(`/api/v1/escalation-policies/${routed}`)).status).toBe(200);

    expect((await t.admin.delete(`/api/v1/escalation-policies/${routed}?replaceWith=${spare}`)).status).toBe(204);
    const rules = (await t.admin.get(`/api/v1/monitors/${monitor.id}/event-rules`)).body.rules;
    expect(rules.map((r: { name: string; then: object }) => [r.name, r.then])).toEqual([
      ['Quiet', { urgency: 'low' }],
      ['EU to routed', { policyId: spare }],
    ]);
    expect((await t.admin.get('/api/v1/event-rules')).body.rules[0].then).toEqual({ policyId: spare });
    const audit = (await t.admin.get(`/api/v1/audit-log?entityId=${monitor.id}`)).body.items;
    expect(audit[0]).toMatchObject({ action: 'update' });
    expect((await t.admin.put('/api/v1/event-rules', { rules: [] })).status).toBe(200);
  });
});
