import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

describeEachDatabase('policies, monitors and incidents API', (dialect) => {
  const t = useTestApp(dialect);
  const ids: Record<string, string> = {};
  let teamId = '';
  let scheduleId = '';

  beforeAll(async () => {
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    for (const u of users) ids[u.email.split('@')[0] as string] = u.id;
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    scheduleId = (await t.admin.get('/api/v1/schedules')).body.items[0].id;
    await t.admin.patch(`/api/v1/users/${ids['dave']}`, { password: 'dave-password' });
  });

  it('seeds the demo policy and monitor', async () => {
    const policies = (await t.admin.get('/api/v1/escalation-policies')).body.items;
    const demo = policies.find((p: { name: string }) => p.name === 'Primary with L2 backup');
    expect(demo.steps).toHaveLength(2);
    expect(demo.steps[1].waitSeconds).toBe(900);
    const monitors = (await t.admin.get('/api/v1/monitors')).body.items;
    expect(monitors.find((m: { name: string }) => m.name === 'Demo API').policyId).toBe(demo.id);
  });

  it('validates policy targets with field paths and writes nothing', async () => {
    const before = (await t.admin.get('/api/v1/escalation-policies')).body.items.length;
    const res = await t.admin.post('/api/v1/escalation-policies', {
      name: 'Bad',
      teamId,
      steps: [
        { waitSeconds: 0, targets: [{ type: 'schedule', scheduleId: '00000000-0000-4000-8000-000000000000' }] },
        { waitSeconds: 900, targets: [{ type: 'schedule_layer', scheduleId, layerId: '00000000-0000-4000-8000-000000000000' }, { type: 'user', userId: ids['alice'] }] },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['/body/steps/0/targets/0/scheduleId', '/body/steps/1/targets/0/layerId']);
    const shape = await t.admin.post('/api/v1/escalation-policies', {
      name: 'Bad shape',
      teamId,
      steps: [{ waitSeconds: -1, targets: [{ type: 'webhook', url: 'ftp://x' }, { type: 'pager' }] }],
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/body/steps/0/waitSeconds', '/body/steps/0/targets/0/url', '/body/steps/0/targets/1/type']),
    );
    expect((await t.admin.get('/api/v1/escalation-policies')).body.items.length).toBe(before);
  });

  it('refuses to delete a policy monitors use, and a paused monitor raises nothing', async () => {
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'Used', teamId, steps: [{ waitSeconds: 0, targets: [{ type: 'schedule', scheduleId }] }] });
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'Uses it', teamId, policyId: policy.body.id });
    const del = await t.admin.delete(`/api/v1/escalation-policies/${policy.body.id}`);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('policy_in_use');
    await t.admin.patch(`/api/v1/monitors/${monitor.body.id}`, { paused: true });
    const alert = await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title: 'x' });
    expect(alert.status).toBe(400);
    expect((await t.admin.get(`/api/v1/incidents?monitorId=${monitor.body.id}`)).body.items).toEqual([]);
    await t.admin.delete(`/api/v1/monitors/${monitor.body.id}`);
    expect((await t.admin.delete(`/api/v1/escalation-policies/${policy.body.id}`)).status).toBe(204);
  });

  it('lists incidents newest first, filtered by status, and viewers cannot act', async () => {
    const monitorId = (await t.admin.get('/api/v1/monitors')).body.items[0].id;
    const a = (await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title: 'First' })).body.incident;
    const b = (await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title: 'Second' })).body.incident;
    await t.admin.post(`/api/v1/incidents/${a.id}/acknowledge`);
    const open = (await t.admin.get('/api/v1/incidents?status=triggered')).body.items.map((i: { id: string }) => i.id);
    expect(open).toContain(b.id);
    expect(open).not.toContain(a.id);
    const all = (await t.admin.get('/api/v1/incidents?status=triggered&status=acknowledged')).body.items.map((i: { id: string }) => i.id);
    expect(all.indexOf(b.id)).toBeLessThan(all.indexOf(a.id));
    const commaSeparated = await t.admin.get('/api/v1/incidents?status=triggered,acknowledged');
    expect(commaSeparated.status).toBe(200);
    expect(commaSeparated.body.items.map((i: { id: string }) => i.id)).toEqual(all);
    const acknowledged = (await t.admin.get('/api/v1/incidents?status=acknowledged,acknowledged')).body.items.map((i: { id: string }) => i.id);
    expect(acknowledged).toContain(a.id);
    expect(acknowledged).not.toContain(b.id);
    const unknown = await t.admin.get('/api/v1/incidents?status=triggered,open');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['/querystring/status/1']);

    const viewer = await t.login('dave@example.com', 'dave-password');
    expect((await viewer.get(`/api/v1/incidents/${b.id}`)).status).toBe(200);
    expect((await viewer.post(`/api/v1/incidents/${b.id}/acknowledge`)).status).toBe(403);
    expect((await viewer.post(`/api/v1/monitors/${monitorId}/alerts`, { title: 'x' })).status).toBe(403);

    const comment = await t.admin.post(`/api/v1/incidents/${b.id}/comments`, { text: 'Looking into it' });
    expect(comment.status).toBe(201);
    expect(comment.body.timeline.at(-1)).toMatchObject({ kind: 'comment', data: { text: 'Looking into it' }, actorId: ids['admin'] });
    const ghost = await t.admin.post(`/api/v1/incidents/${b.id}/reassign`, { userId: '00000000-0000-4000-8000-000000000000' });
    expect(ghost.body.errors[0].path).toBe('/body/userId');
    for (const id of [a.id, b.id]) await t.admin.post(`/api/v1/incidents/${id}/resolve`);
    expect((await t.admin.post(`/api/v1/incidents/${a.id}/resolve`)).body.code).toBe('incident_resolved');
  });

  it('records a page to a user without notification rules on the timeline, and does not wait out the step', async () => {
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'To Dave', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: ids['dave'] }] }] });
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'Dave', teamId, policyId: policy.body.id });
    const incident = (await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title: 'x' })).body.incident;
    await t.vigil.engine.runOnce();
    const detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    // Nobody could be paged: the policy ends at once and the managers and owners are told.
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['triggered', 'escalated', 'no_notification_rules', 'step_unreached', 'exhausted', 'nobody_reached']);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('manages contact methods and rules: own or as admin, with address validation', async () => {
    const dave = await t.login('dave@example.com', 'dave-password');
    const bad = await dave.post(`/api/v1/users/${ids['dave']}/contact-methods`, { kind: 'sms', address: '555-1234' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('/body/address');
    const sms = await dave.post(`/api/v1/users/${ids['dave']}/contact-methods`, { kind: 'sms', address: '+15551234567' });
    expect(sms.status).toBe(201);
    // No SMS provider in this app: the method exists but cannot be verified, so is never paged.
    expect(sms.body).toMatchObject({ verified: false, verification: { sent: false, error: 'no sms channel is configured' } });
    const email = await dave.post(`/api/v1/users/${ids['dave']}/contact-methods`, { kind: 'email', address: 'dave@example.com' });
    const rules = (await dave.get(`/api/v1/users/${ids['dave']}/notification-rules`)).body;
    // The first method got an immediate rule; the second none until asked.
    expect(rules).toEqual([expect.objectContaining({ contactMethodId: sms.body.id, delayMinutes: 0 })]);
    const later = await dave.post(`/api/v1/users/${ids['dave']}/notification-rules`, { contactMethodId: email.body.id, delayMinutes: 2 });
    expect(later.body.delayMinutes).toBe(2);
    expect((await dave.get(`/api/v1/users/${ids['alice']}/contact-methods`)).status).toBe(403);
    expect((await t.admin.get(`/api/v1/users/${ids['dave']}/contact-methods`)).body).toHaveLength(2);
    const foreign = await dave.post(`/api/v1/users/${ids['dave']}/notification-rules`, { contactMethodId: '00000000-0000-4000-8000-000000000000', delayMinutes: 1 });
    expect(foreign.body.errors[0].path).toBe('/body/contactMethodId');
    expect((await dave.delete(`/api/v1/users/${ids['dave']}/contact-methods/${sms.body.id}`)).status).toBe(204);
    expect((await dave.get(`/api/v1/users/${ids['dave']}/notification-rules`)).body.map((r: { id: string }) => r.id)).toEqual([later.body.id]);
  });
});
