import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SEEDED = '2026-03-02T12:00:00.000Z';

describeEachDatabase('domain metrics', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  let receiver: WebhookReceiver;
  const ids: Record<string, string> = {};
  let path = '';

  const metric = async (line: string): Promise<number | undefined> => {
    const text = (await t.anonymous.get('/metrics')).body as string;
    const escaped = line.replace(/[{}()[\]"*+?.\\^$|]/g, '\\$&');
    const found = new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text);
    return found ? Number(found[1]) : undefined;
  };
  const trigger = (dedupKey: string) => t.anonymous.post(path, { action: 'trigger', dedupKey, title: `down ${dedupKey}` });
  const setClock = (iso: string) => t.anonymous.post('/api/v1/test/clock', { set: iso });

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const user = await t.admin.post('/api/v1/users', { email: 'pager@metrics.test', name: 'Pager', role: 'responder', password: 'long-enough' });
    ids['user'] = user.body.id;
    ids['team'] = (await t.admin.post('/api/v1/teams', { name: 'Metrics' })).body.id;
    await t.admin.put(`/api/v1/teams/${ids['team']}/members/${ids['user']}`, { role: 'manager' });
    // A webhook contact method is verified on creation and gets a notification rule at once.
    expect((await t.admin.post(`/api/v1/users/${ids['user']}/contact-methods`, { kind: 'webhook', address: receiver.url('/pager') })).status).toBe(201);
    const policy = await t.admin.post('/api/v1/escalation-policies', {
      name: 'Pager first',
      teamId: ids['team'],
      repeat: 0,
      steps: [{ waitSeconds: 0, targets: [{ type: 'user', userId: ids['user'] }] }],
    });
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'Metered', teamId: ids['team'], policyId: policy.body.id, kind: 'webhook' });
    expect(monitor.status).toBe(201);
    const url = new URL(monitor.body.integrationUrl);
    path = `${url.pathname}${url.search}`;
  });
  afterAll(() => receiver.close());

  it('counts accepted events, open incidents by team and state, and sent pages by channel', async () => {
    expect((await trigger('a')).status).toBe(202);
    expect((await trigger('a')).status).toBe(202);
    await t.vigil.engine.runOnce();
    expect(receiver.received.filter((r) => r.path === '/pager')).toHaveLength(1);
    expect(await metric('vigil_ingest_events_total{source="webhook",action="trigger"}')).toBe(2);
    expect(await metric('vigil_incidents_open{team="Metrics",status="triggered"}')).toBe(1);
    expect(await metric('vigil_pages_total{channel="webhook",outcome="sent"}')).toBe(1);

    const incident = (await t.admin.get(`/api/v1/incidents?status=triggered&limit=200`)).body.items.find((i: { title: string }) => i.title === 'down a');
    expect((await t.admin.post(`/api/v1/incidents/${incident.id}/acknowledge`, {})).status).toBe(200);
    expect(await metric('vigil_incidents_open{team="Metrics",status="acknowledged"}')).toBe(1);
    expect(await metric('vigil_incidents_open{team="Metrics",status="triggered"}')).toBeUndefined();
  });

  it('counts a failed send as retrying, not as sent', async () => {
    receiver.respondWith(503);
    await trigger('b');
    await t.vigil.engine.runOnce();
    expect(await metric('vigil_pages_total{channel="webhook",outcome="retrying"}')).toBe(1);
    expect(await metric('vigil_pages_total{channel="webhook",outcome="sent"}')).toBe(1);
    receiver.respondWith(200);
  });

  it('shows how late due work is when no node takes it', async () => {
    expect(await metric('vigil_engine_lag_seconds')).toBe(0);
    expect(await metric('vigil_check_lag_seconds')).toBe(0);
    // Nothing works through the due steps and checks from here on.
    await t.vigil.engine.stop();
    await t.vigil.scheduler.stop();
    await trigger('c');
    const checked = await t.admin.post('/api/v1/monitors', {
      name: 'Unchecked',
      teamId: ids['team'],
      policyId: (await t.admin.get(`/api/v1/escalation-policies?limit=200`)).body.items.find((p: { name: string }) => p.name === 'Pager first').id,
      kind: 'tcp',
      tcp: { host: '127.0.0.1', port: 9 },
      check: { intervalSeconds: 60 },
    });
    expect(checked.status).toBe(201);
    await setClock('2026-03-02T12:01:30.000Z');
    expect(await metric('vigil_engine_lag_seconds')).toBe(90);
    expect(await metric('vigil_check_lag_seconds')).toBeGreaterThanOrEqual(30);
  });
});
