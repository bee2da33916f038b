import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SEEDED = '2026-03-02T12:00:00.000Z'; // Monday 06:00 America/Chicago
const TUE_10 = '2026-03-03T16:00:00.000Z'; // Tuesday 10:00
const MIN = 60_000;
const at = (ms: number) => new Date(Date.parse(TUE_10) + ms).toISOString();

/**
 * The whole server with a frozen clock: a shadow override's user gets the same pages as
 * the person they shadow, through their own contact methods and notification rules, and
 * stops getting them when the shadow ends.
 */
describeEachDatabase('shadow paging smoke', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  const ids = useDemoIds(t);
  let receiver: WebhookReceiver;
  let seen = 0;

  async function advance(ms: number) {
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: ms });
    await t.vigil.engine.runOnce();
  }
  /** Pages received since the last call, as "who:incident title". */
  function newPages(): string[] {
    const fresh = receiver.received.slice(seen);
    seen = receiver.received.length;
    return fresh.map((r) => `${r.path.slice(1)}:${r.body.incident?.title ?? 'other'}`).sort();
  }

  let scheduleId = '';
  let layerId = '';
  let monitorId = '';

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    // Bob's page comes two minutes after the incident opens: his own rule, not alice's.
    for (const who of ['alice', 'bob', 'carol']) {
      const cm = await t.admin.post(`/api/v1/users/${ids[who]}/contact-methods`, { kind: 'webhook', address: receiver.url(`/${who}`) });
      expect(cm.status).toBe(201);
      if (who !== 'bob') continue;
      // The first method came with a rule "at once": bob's is replaced by "after 2 minutes".
      const immediate = (await t.admin.get(`/api/v1/users/${ids[who]}/notification-rules`)).body as { id: string }[];
      expect((await t.admin.post(`/api/v1/users/${ids[who]}/notification-rules`, { contactMethodId: cm.body.id, delayMinutes: 2 })).status).toBe(201);
      for (const rule of immediate) expect((await t.admin.delete(`/api/v1/users/${ids[who]}/notification-rules/${rule.id}`)).status).toBe(204);
    }
    const schedule = await t.admin.post('/api/v1/schedules', {
      name: 'Shadowed',
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [{ name: 'Only', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [ids['alice']] }],
    });
    expect(schedule.status).toBe(201);
    scheduleId = schedule.body.id;
    layerId = schedule.body.layers[0].id;
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'shadowed', teamId: ids['team'], steps: [{ waitSeconds: 900, targets: [{ type: 'schedule', scheduleId }] }] });
    expect(policy.status).toBe(201);
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'shadowed', teamId: ids['team'], policyId: policy.body.id });
    monitorId = monitor.body.id;
    await t.anonymous.post('/api/v1/test/clock', { set: TUE_10 });
    // Bob shadows the layer for an hour; carol the whole schedule for half an hour.
    expect((await t.admin.post(`/api/v1/schedules/${scheduleId}/overrides`, { layerId, userId: ids['bob'], mode: 'shadow', start: TUE_10, end: at(60 * MIN) })).status).toBe(201);
    expect((await t.admin.post(`/api/v1/schedules/${scheduleId}/overrides`, { userId: ids['carol'], mode: 'shadow', start: TUE_10, end: at(30 * MIN) })).status).toBe(201);
  });
  afterAll(() => receiver.close());

  it('pages the shadows with the primary, each by their own rules, and the paging plan says so', async () => {
    const plan = (await t.admin.get(`/api/v1/escalation-policies/${(await t.admin.get(`/api/v1/monitors/${monitorId}`)).body.policyId}/paging-plan?at=${TUE_10}`)).body;
    expect(plan.steps[0].targets[0].userIds).toEqual([ids['alice'], ids['bob'], ids['carol']]);

    const res = await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title: 'Shadowed down' });
    expect(res.status).toBe(201);
    await t.vigil.engine.runOnce();
    expect(newPages()).toEqual(['alice:Shadowed down', 'carol:Shadowed down']);
    await advance(2 * MIN);
    expect(newPages()).toEqual(['bob:Shadowed down']);
    await t.admin.post(`/api/v1/incidents/${res.body.incident.id}/resolve`);
  });

  it('pages only the primary once the shadows are over', async () => {
    await t.anonymous.post('/api/v1/test/clock', { set: at(90 * MIN) });
    const res = await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title: 'Alone again' });
    await t.vigil.engine.runOnce();
    await advance(5 * MIN);
    expect(newPages()).toEqual(['alice:Alone again']);
    await t.admin.post(`/api/v1/incidents/${res.body.incident.id}/resolve`);
  });
});
