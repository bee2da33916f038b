import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const MIN = 60_000;

/**
 * No incident stays silent: a step whose people cannot be paged, or whose every page
 * failed for good, hands over to the next step at once instead of after its wait; and
 * when the policy runs out without reaching anyone, the team's managers and the owners
 * are told through whatever verified method they have.
 */
describeEachDatabase('no silent incident', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-03-03T16:00:00Z' });
  let receiver: WebhookReceiver;
  let teamId = '';
  const users: Record<string, string> = {};

  const advance = async (ms: number) => {
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: ms });
    await t.vigil.engine.runOnce();
  };
  const pagesTo = (who: string) => receiver.received.filter((r) => r.path === `/${who}` && r.body.type === 'incident.notification').map((r) => r.body.incident?.title);
  const timeline = async (id: string) => ((await t.admin.get(`/api/v1/incidents/${id}`)).body.timeline as { kind: string }[]).map((e) => e.kind);

  async function person(name: string, webhook: string | null): Promise<string> {
    const res = await t.admin.post('/api/v1/users', { email: `${name}@unreached.test`, name, role: 'responder' });
    expect(res.status).toBe(201);
    if (webhook) expect((await t.admin.post(`/api/v1/users/${res.body.id}/contact-methods`, { kind: 'webhook', address: webhook })).status).toBe(201);
    return res.body.id;
  }

  async function incident(steps: string[][], title: string, repeat = 0): Promise<string> {
    const policy = await t.admin.post('/api/v1/escalation-policies', {
      name: title,
      teamId,
      repeat,
      steps: steps.map((who) => ({ waitSeconds: 3600, targets: who.map((name) => ({ type: 'user', userId: users[name] })) })),
    });
    expect(policy.status).toBe(201);
    const monitor = await t.admin.post('/api/v1/monitors', { name: title, teamId, policyId: policy.body.id });
    const res = await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title });
    await t.vigil.engine.runOnce();
    return res.body.incident.id;
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    teamId = (await t.admin.get('/api/v1/teams')).body.items.find((x: { name: string }) => x.name === 'Platform').id;
    users['silent'] = await person('silent', null);
    users['reachable'] = await person('reachable', receiver.url('/reachable'));
    // Connection refused at once: every attempt fails.
    users['broken'] = await person('broken', 'http://127.0.0.1:1/hook');
    const me = (await t.admin.get('/api/v1/auth/session')).body.user.id;
    expect((await t.admin.post(`/api/v1/users/${me}/contact-methods`, { kind: 'webhook', address: receiver.url('/owner') })).status).toBe(201);
  });

  afterAll(() => receiver?.close());

  it('moves on at once from a step whose people have no way to be paged', async () => {
    const id = await incident([['silent'], ['reachable']], 'Nobody can be paged in step 1');
    expect(pagesTo('reachable')).toEqual(['Nobody can be paged in step 1']);
    expect(await timeline(id)).toEqual(['triggered', 'escalated', 'no_notification_rules', 'step_unreached', 'escalated', 'notified']);
  });

  it('moves on at once when every page of a step has failed for good', async () => {
    const id = await incident([['broken'], ['reachable']], 'Step 1 pages fail');
    expect(pagesTo('reachable')).not.toContain('Step 1 pages fail');
    // Five attempts: 30 s, 1, 2 and 4 minutes apart; the step's own wait is an hour.
    for (let i = 0; i < 8; i++) await advance(MIN);
    expect(pagesTo('reachable')).toContain('Step 1 pages fail');
    const kinds = await timeline(id);
    expect(kinds.filter((k) => k === 'delivery_failed')).toHaveLength(5);
    expect(kinds).toContain('step_unreached');
    expect(kinds.at(-1)).toBe('notified');
  });

  it('tells the managers and owners when the policy runs out without reaching anyone', async () => {
    const id = await incident([['silent']], 'Nobody at all');
    await advance(0);
    const notices = receiver.received.filter((r) => r.path === '/owner' && (r.body as { notice?: { subject: string } }).notice?.subject === 'Nobody was reached for "Nobody at all"');
    expect(notices).toHaveLength(1);
    expect(await timeline(id)).toEqual(expect.arrayContaining(['step_unreached', 'exhausted', 'nobody_reached']));
    // Only once, however long it stays open.
    await advance(120 * MIN);
    expect(receiver.received.filter((r) => (r.body as { notice?: { subject: string } }).notice?.subject === 'Nobody was reached for "Nobody at all"')).toHaveLength(1);
  });

  it('tells the managers and owners at once when the policy reaches nobody as the incident opens', async () => {
    const schedule = await t.admin.post('/api/v1/schedules', {
      name: 'Nobody on call',
      teamId,
      timeZone: 'UTC',
      layers: [{ name: 'Only', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [] }],
    });
    expect(schedule.status).toBe(201);
    // Empty on purpose: its own coverage-gap notice would land among these.
    expect((await t.admin.patch(`/api/v1/schedules/${schedule.body.id}`, { gapAlertDays: 0 })).status).toBe(200);
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'Empty schedule', teamId, repeat: 0, steps: [{ waitSeconds: 3600, targets: [{ type: 'schedule', scheduleId: schedule.body.id }] }] });
    expect(policy.status).toBe(201);
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'Empty schedule', teamId, policyId: policy.body.id });
    const res = await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title: 'Nobody on call at all' });
    expect(res.status).toBe(201);
    expect(await timeline(res.body.incident.id)).toEqual(expect.arrayContaining(['triggered', 'exhausted', 'nobody_reached']));
    await t.vigil.engine.runOnce();
    const subject = 'Nobody was reached for "Nobody on call at all"';
    expect(receiver.received.filter((r) => r.path === '/owner' && (r.body as { notice?: { subject: string } }).notice?.subject === subject)).toHaveLength(1);
  });
});
