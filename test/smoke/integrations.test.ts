import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

describeEachDatabase('pushed monitors: webhook, PagerDuty Events v2, Alertmanager, Grafana', (dialect) => {
  const t = useTestApp(dialect);
  const { demo, pushed, incidents } = useDemoMonitors(t);
  async function monitor(kind: string) {
    const m = await pushed(kind);
    expect(m.key).toMatch(/^vgi_[\w-]{43}$/);
    return m;
  }

  it('takes generic JSON events: trigger, dedup, acknowledge and resolve', async () => {
    const m = await monitor('webhook');
    const first = await t.anonymous.post(m.path, { title: 'Queue backing up', dedupKey: 'queue' });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'accepted', dedupKey: 'queue', incidentId: expect.any(String) });
    await t.anonymous.post(m.path, { title: 'Queue backing up', dedupKey: 'queue' });
    expect(await incidents(m.id)).toEqual([expect.objectContaining({ status: 'triggered', alertCount: 2 })]);
    await t.anonymous.post(m.path, { action: 'acknowledge', dedupKey: 'queue' });
    expect((await incidents(m.id))[0]?.status).toBe('acknowledged');
    await t.anonymous.post(m.path, { action: 'resolve', dedupKey: 'queue' });
    expect((await incidents(m.id))[0]?.status).toBe('resolved');
    const timeline = (await t.admin.get(`/api/v1/incidents/${first.body.incidentId}`)).body.timeline;
    expect(timeline.find((e: { kind: string }) => e.kind === 'resolved').actorId).toBeNull();
    const bad = await t.anonymous.post(m.path, { action: 'resolve' });
    expect(bad.body.errors[0].path).toBe('/body/dedupKey');
    expect((await t.anonymous.post(`/api/v1/integrations/webhook?key=vgi_wrong-key-wrong-key`, { title: 'x' })).status).toBe(401);
  });

  it('speaks PagerDuty Events API v2: 202 with dedup_key, 400 invalid event, 429 when flooded', async () => {
    const m = await monitor('pagerduty');
    expect(m.path).toBe('/api/v1/integrations/pagerduty/v2/enqueue');
    const event = { routing_key: m.key, event_action: 'trigger', payload: { summary: 'CPU high on web-1', source: 'web-1', severity: 'critical' } };
    const ok = await t.anonymous.post(m.path, event);
    expect(ok.status).toBe(202);
    expect(ok.body).toEqual({ status: 'success', message: 'Event processed', dedup_key: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const same = await t.anonymous.post(m.path, { ...event, dedup_key: ok.body.dedup_key });
    expect(same.body.dedup_key).toBe(ok.body.dedup_key);
    expect(await incidents(m.id)).toEqual([expect.objectContaining({ title: 'CPU high on web-1', alertCount: 2 })]);
    expect((await t.anonymous.post(m.path, { routing_key: m.key, event_action: 'resolve', dedup_key: ok.body.dedup_key })).status).toBe(202);
    expect((await incidents(m.id))[0]?.status).toBe('resolved');

    const invalid = await t.anonymous.post(m.path, { routing_key: m.key, event_action: 'trigger', payload: { summary: 'x', source: 'y', severity: 'apocalyptic' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ status: 'invalid event', message: 'Event object is invalid' });
    expect((await t.anonymous.post(m.path, { routing_key: m.key, event_action: 'resolve' })).body.errors).toEqual(["'dedup_key' is missing or blank"]);
    expect((await t.anonymous.post(m.path, { ...event, routing_key: 'R0UT1NGKEY' })).body.errors).toEqual(['Invalid routing key']);

    let status = 202;
    for (let i = 0; i < 130 && status !== 429; i++) status = (await t.anonymous.post(m.path, { ...event, dedup_key: 'flood' })).status;
    expect(status).toBe(429);
  });

  for (const kind of ['alertmanager', 'grafana']) {
    it(`${kind}: firing alerts open incidents per fingerprint, resolved ones resolve them`, async () => {
      const m = await monitor(kind);
      const alert = (fingerprint: string, status: string) => ({
        status,
        labels: { alertname: 'HighLatency', instance: fingerprint },
        annotations: { summary: `Latency high on ${fingerprint}`, description: 'p99 > 1s' },
        fingerprint,
        startsAt: '2026-03-02T12:00:00Z',
        generatorURL: 'http://prometheus/graph',
      });
      const firing = await t.anonymous.post(m.path, { version: '4', status: 'firing', receiver: 'vigil', alerts: [alert('a1', 'firing'), alert('b2', 'firing')] });
      expect(firing.status).toBe(202);
      expect((await incidents(m.id)).map((i) => i.title).sort()).toEqual(['Latency high on a1', 'Latency high on b2']);
      await t.anonymous.post(m.path, { version: '4', status: 'firing', alerts: [alert('a1', 'firing')] });
      await t.anonymous.post(m.path, { version: '4', status: 'resolved', alerts: [alert('a1', 'resolved')] });
      const byKey = Object.fromEntries((await incidents(m.id)).map((i) => [i.dedupKey, i]));
      expect(byKey['a1']).toMatchObject({ status: 'resolved', alertCount: 2 });
      expect(byKey['b2']?.status).toBe('triggered');
      const bad = await t.anonymous.post(m.path, { alerts: [{ status: 'exploding', labels: {} }] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('/body/alerts/0/status');
    });
  }

  it('opens an incident when a heartbeat is overdue and resolves it on the next beat', async () => {
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: '2026-12-01T10:00:00.000Z' });
    try {
      const missing = await t.admin.post('/api/v1/monitors', { name: 'No config', ...demo, kind: 'heartbeat' });
      expect(missing.body.errors[0].path).toBe('/body/heartbeat');
      const res = await t.admin.post('/api/v1/monitors', { name: 'Nightly backup', ...demo, kind: 'heartbeat', heartbeat: { intervalSeconds: 60, graceSeconds: 30 } });
      expect(res.body.heartbeat).toEqual({ intervalSeconds: 60, graceSeconds: 30 });
      expect((await t.admin.get(`/api/v1/monitors/${res.body.id}`)).body.heartbeat).toEqual({ intervalSeconds: 60, graceSeconds: 30 });
      const url = new URL(res.body.integrationUrl);
      const beat = () => t.anonymous.get(`${url.pathname}${url.search}`);
      const advance = async (ms: number) => {
        await t.anonymous.post('/api/v1/test/clock', { advanceMs: ms });
        await t.vigil.engine.runOnce();
      };
      expect((await beat()).body).toEqual({ status: 'ok', nextDueAt: '2026-12-01T10:01:30.000Z' });
      await advance(89_000);
      expect(await incidents(res.body.id)).toEqual([]);
      await advance(1_000);
      expect(await incidents(res.body.id)).toEqual([expect.objectContaining({ title: 'No heartbeat from Nightly backup', status: 'triggered', alertCount: 1 })]);
      await advance(300_000);
      expect((await incidents(res.body.id))[0]?.alertCount).toBe(1);
      expect((await beat()).status).toBe(200);
      const [incident] = await incidents(res.body.id);
      expect(incident?.status).toBe('resolved');
      // Beats keep it quiet; POST works too.
      await advance(60_000);
      expect((await t.anonymous.post(`${url.pathname}${url.search}`, {})).status).toBe(200);
      await advance(60_000);
      expect(await incidents(res.body.id)).toHaveLength(1);
    } finally {
      await t.anonymous.post('/api/v1/test/clock', { freeze: false, set: new Date().toISOString() });
    }
  });

  it('rotates keys, refuses keys of another kind, and ignores paused monitors', async () => {
    const m = await monitor('webhook');
    const rotated = await t.admin.post(`/api/v1/monitors/${m.id}/integration-key`);
    expect(rotated.body.integrationKey).not.toBe(m.key);
    expect((await t.anonymous.post(m.path, { title: 'old key' })).status).toBe(401);
    const fresh = new URL(rotated.body.integrationUrl);
    expect((await t.anonymous.post(`${fresh.pathname}${fresh.search}`, { title: 'new key' })).status).toBe(202);
    const grafana = await monitor('grafana');
    expect((await t.anonymous.post(`/api/v1/integrations/webhook?key=${grafana.key}`, { title: 'x' })).status).toBe(401);
    await t.admin.patch(`/api/v1/monitors/${m.id}`, { paused: true });
    const paused = await t.anonymous.post(`${fresh.pathname}${fresh.search}`, { title: 'while paused', dedupKey: 'p' });
    expect(paused.body.incidentId).toBeNull();
    expect((await incidents(m.id)).map((i) => i.title)).toEqual(['new key']);
    const rows = await t.vigil.database.db.selectFrom('monitors').select('integration_key_hash').execute();
    expect(rows.some((r) => r.integration_key_hash === rotated.body.integrationKey)).toBe(false);
  });
});
