import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

const NOW = '2026-06-01T12:00:00.000Z';
const ago = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();

describeEachDatabase('PagerDuty change events', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: NOW });
  let monitor = { id: '', key: '' };

  beforeAll(async () => {
    const teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const policyId = (await t.admin.get('/api/v1/escalation-policies')).body.items[0].id;
    const res = await t.admin.post('/api/v1/monitors', { name: 'Checkout', teamId, policyId, kind: 'pagerduty' });
    monitor = { id: res.body.id, key: res.body.integrationKey };
  });

  const change = (payload: object, extra: object = {}) =>
    t.anonymous.post('/api/v1/integrations/pagerduty/v2/change/enqueue', { routing_key: monitor.key, payload, ...extra });

  it('keeps changes and shows those from 4 hours before an incident on it, newest first', async () => {
    expect((await change({ summary: 'Deploy 1.4.1', timestamp: ago(300) })).status).toBe(202);
    const deploy = await change(
      { summary: 'Deploy 1.4.2', timestamp: ago(10), source: 'ci', custom_details: { sha: 'abc123' } },
      { links: [{ href: 'https://ci.example.com/run/9', text: 'Build 9' }, { href: 'javascript:alert(1)', text: 'Evil' }] },
    );
    expect(deploy.status).toBe(202);
    expect(deploy.body).toEqual({ status: 'success', message: 'Change event processed' });
    expect((await change({ summary: 'Flag flipped', timestamp: 'yesterday-ish' })).status).toBe(202);
    expect((await change({ summary: 'From the future', timestamp: '2030-01-01T00:00:00Z' })).status).toBe(202);

    const trigger = await t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', {
      routing_key: monitor.key,
      event_action: 'trigger',
      payload: { summary: 'Checkout 500s', source: 'web', severity: 'critical' },
    });
    expect(trigger.status).toBe(202);
    const [incident] = (await t.admin.get(`/api/v1/incidents?monitorId=${monitor.id}`)).body.items;
    const detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    // The unreadable and the future timestamps count as arrival time, now; the 5-hour-old deploy is too old to show.
    expect(detail.changes.map((c: { summary: string; at: string }) => [c.summary, c.at])).toEqual([
      ['From the future', NOW],
      ['Flag flipped', NOW],
      ['Deploy 1.4.2', ago(10)],
    ]);
    const shown = detail.changes[2];
    expect(shown.details.links).toEqual([{ href: 'https://ci.example.com/run/9', text: 'Build 9' }]);
    expect(shown.details.fields).toEqual(expect.arrayContaining([{ key: 'sha', value: 'abc123' }]));
    // Changes open no incident.
    expect((await t.admin.get(`/api/v1/incidents?monitorId=${monitor.id}`)).body.items).toHaveLength(1);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it("answers invalid events and unknown keys as PagerDuty does, and drops a paused monitor's changes", async () => {
    const invalid = await change({ timestamp: ago(1) });
    expect(invalid.status).toBe(400);
    expect(invalid.body.status).toBe('invalid event');
    const unknown = await t.anonymous.post('/api/v1/integrations/pagerduty/v2/change/enqueue', { routing_key: 'no-such-key-000000', payload: { summary: 'x' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual(['Invalid routing key']);
    await t.admin.patch(`/api/v1/monitors/${monitor.id}`, { paused: true });
    expect((await change({ summary: 'While paused' })).status).toBe(202);
    await t.admin.patch(`/api/v1/monitors/${monitor.id}`, { paused: false });
    const alert = await t.admin.post(`/api/v1/monitors/${monitor.id}/alerts`, { title: 'After the pause' });
    const detail = (await t.admin.get(`/api/v1/incidents/${alert.body.incident.id}`)).body;
    expect(detail.changes.map((c: { summary: string }) => c.summary)).not.toContain('While paused');
    await t.admin.post(`/api/v1/incidents/${alert.body.incident.id}/resolve`);
  });
});
