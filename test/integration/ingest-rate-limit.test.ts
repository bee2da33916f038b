import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors, type PushedMonitor } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

const NOW = '2026-11-30T10:00:00.000Z';

describeEachDatabase('per-monitor rate limit of pushed events', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: NOW });
  const { demo, pushed, incidents } = useDemoMonitors(t);

  const advance = (ms: number) => t.anonymous.post('/api/v1/test/clock', { advanceMs: ms });
  const pdTrigger = (monitor: PushedMonitor, i: number) =>
    t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', {
      routing_key: monitor.key,
      event_action: 'trigger',
      dedup_key: 'same',
      payload: { summary: `event ${i}`, source: 'x', severity: 'info' },
    });
  const paths = (res: { body: { errors: { path: string }[] } }) => res.body.errors.map((e) => e.path);

  it('takes 120 PagerDuty events a minute by default, then answers PagerDuty\'s 429 with Retry-After', async () => {
    const monitor = await pushed('pagerduty');
    expect((await t.admin.get(`/api/v1/monitors/${monitor.id}`)).body.rateLimit).toEqual({ eventsPerMinute: 120 });
    for (let i = 0; i < 120; i++) expect((await pdTrigger(monitor, i)).status).toBe(202);
    await advance(20_000);
    const refused = await pdTrigger(monitor, 120);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ status: 'throttle event', message: expect.any(String) });
    expect(refused.headers['retry-after']).toBe('40');
    expect((await incidents(monitor.id))[0].alertCount).toBe(120);
  });

  it('limits a webhook monitor set to 5 a minute: the 6th gets 429 problem+json until the clock moves on', async () => {
    const monitor = await pushed('webhook');
    const patched = await t.admin.patch(`/api/v1/monitors/${monitor.id}`, { rateLimit: { eventsPerMinute: 5 } });
    expect(patched.status).toBe(200);
    expect(patched.body.rateLimit).toEqual({ eventsPerMinute: 5 });
    const send = () => t.anonymous.post(monitor.path, { title: 'Flapping', dedupKey: 'flap' });
    for (let i = 0; i < 5; i++) expect((await send()).status).toBe(202);
    await advance(1_500);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('rate_limited');
    expect(refused.headers['retry-after']).toBe('59');
    await advance(58_500);
    expect((await send()).status).toBe(202);
    expect((await incidents(monitor.id))[0].alertCount).toBe(6);
  });

  it('counts an Alertmanager notification once, however many alerts it carries, and has no limit by default', async () => {
    const monitor = await pushed('alertmanager');
    expect((await t.admin.get(`/api/v1/monitors/${monitor.id}`)).body.rateLimit).toBeNull();
    // Three distinct alerts, repeated: a storm is mostly repeats, and it keeps the test quick.
    const group = (n: number) => ({ alerts: Array.from({ length: n }, (_, i) => ({ status: 'firing', labels: { alertname: `A${i % 3}` } })) });
    const big = await t.anonymous.post(monitor.path, group(1000));
    expect(big).toMatchObject({ status: 202, body: { alerts: 1000 } });
    expect((await t.admin.patch(`/api/v1/monitors/${monitor.id}`, { rateLimit: { eventsPerMinute: 2 } })).status).toBe(200);
    expect((await t.anonymous.post(monitor.path, group(500))).status).toBe(202);
    expect((await t.anonymous.post(monitor.path, group(500))).status).toBe(202);
    expect((await t.anonymous.post(monitor.path, group(1))).status).toBe(429);
    expect((await incidents(monitor.id)).map((i: { alertCount: number }) => i.alertCount).sort()).toEqual([665, 667, 668]);
  });

  it('takes null for no limit, on creation too', async () => {
    const created = await t.admin.post('/api/v1/monitors', { name: 'unlimited', teamId: demo.teamId, policyId: demo.policyId, kind: 'pagerduty', rateLimit: null });
    expect(created.status).toBe(201);
    expect(created.body.rateLimit).toBeNull();
    const monitor = { id: created.body.id, key: created.body.integrationKey, path: '' };
    for (let i = 0; i < 130; i++) expect((await pdTrigger(monitor, i)).status).toBe(202);
    const limited = await t.admin.post('/api/v1/monitors', { name: 'five', teamId: demo.teamId, policyId: demo.policyId, kind: 'grafana', rateLimit: { eventsPerMinute: 5 } });
    expect(limited.body.rateLimit).toEqual({ eventsPerMinute: 5 });
  });

  it('refuses a bad limit, or one on a monitor without events, at the field', async () => {
    const monitor = await pushed('webhook');
    for (const rateLimit of [{ eventsPerMinute: 0 }, { eventsPerMinute: 100_001 }, { eventsPerMinute: 1.5 }, { perHour: 5 }, 120]) {
      const res = await t.admin.patch(`/api/v1/monitors/${monitor.id}`, { rateLimit });
      expect(res.status, JSON.stringify(rateLimit)).toBe(400);
      expect(paths(res)[0], JSON.stringify(rateLimit)).toMatch(/^\/body\/rateLimit/);
    }
    for (const kind of ['manual', 'heartbeat']) {
      const res = await t.admin.post('/api/v1/monitors', {
        name: kind, teamId: demo.teamId, policyId: demo.policyId, kind, rateLimit: { eventsPerMinute: 5 },
        ...(kind === 'heartbeat' && { heartbeat: { intervalSeconds: 60, graceSeconds: 0 } }),
      });
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual(['/body/rateLimit']);
    }
    const http = await t.admin.post('/api/v1/monitors', { name: 'http', teamId: demo.teamId, policyId: demo.policyId, kind: 'http', http: { url: 'https://example.com/' }, rateLimit: null });
    expect(paths(http)).toEqual(['/body/rateLimit']);
    expect((await t.admin.get(`/api/v1/monitors/${monitor.id}`)).body.rateLimit).toBeNull();
  });

  it('documents the field and the 429 of every event endpoint', async () => {
    const doc = (await t.anonymous.get('/api/v1/openapi.json')).body;
    for (const op of [doc.paths['/api/v1/monitors'].post, doc.paths['/api/v1/monitors/{id}'].patch]) {
      expect(op.requestBody.content['application/json'].schema.properties.rateLimit).toMatchObject({
        nullable: true,
        properties: { eventsPerMinute: { type: 'integer', minimum: 1, maximum: 100_000 } },
      });
    }
    for (const kind of ['webhook', 'alertmanager', 'grafana', 'pagerduty/v2/enqueue']) {
      expect(doc.paths[`/api/v1/integrations/${kind}`].post.responses['429'].headers['Retry-After'], kind).toBeDefined();
    }
  });
});
