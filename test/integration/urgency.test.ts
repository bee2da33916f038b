import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Urgency end to end through the API: a monitor sets its incidents' urgency, each
 * notification rule runs for one urgency or both, and a responder can change it.
 * Erin's high-urgency rule pages by webhook, her low-urgency rule by Slack, so the
 * channel of each page says which rule sent it.
 */
describeEachDatabase('urgency', (dialect) => {
  const t = useTestApp(dialect);
  let teamId = '';
  let erin = '';
  let policyId = '';

  beforeAll(async () => {
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    erin = (await t.admin.post('/api/v1/users', { email: 'erin@example.com', name: 'Erin', role: 'responder' })).body.id;
    const hook = await t.admin.post(`/api/v1/users/${erin}/contact-methods`, { kind: 'webhook', address: 'https://hooks.example.com/erin' });
    const slack = await t.admin.post(`/api/v1/users/${erin}/contact-methods`, { kind: 'slack', address: 'https://hooks.slack.com/services/T0/B0/erin' });
    // The first method came with a rule for both urgencies: replace it by one per urgency.
    const [both] = (await t.admin.get(`/api/v1/users/${erin}/notification-rules`)).body;
    expect(both).toMatchObject({ contactMethodId: hook.body.id, urgency: null });
    expect((await t.admin.post(`/api/v1/users/${erin}/notification-rules`, { contactMethodId: hook.body.id, delayMinutes: 0, urgency: 'high' })).body.urgency).toBe('high');
    expect((await t.admin.post(`/api/v1/users/${erin}/notification-rules`, { contactMethodId: slack.body.id, delayMinutes: 0, urgency: 'low' })).status).toBe(201);
    expect((await t.admin.delete(`/api/v1/users/${erin}/notification-rules/${both.id}`)).status).toBe(204);
    policyId = (await t.admin.post('/api/v1/escalation-policies', { name: 'To Erin', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: erin }] }] })).body.id;
  });

  async function incidentOn(urgency?: string) {
    const monitor = await t.admin.post('/api/v1/monitors', { name: `Erin ${urgency ?? 'default'} ${Math.random()}`, teamId, policyId, ...(urgency && { urgency }) });
    expect(monitor.status).toBe(201);
    const alert = await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title: 'Disk full' });
    expect(alert.status).toBe(201);
    return { monitor: monitor.body, incident: alert.body.incident };
  }

  const channelsOf = async (id: string) => ((await t.admin.get(`/api/v1/incidents/${id}`)).body.notifications as { channel: string }[]).map((n) => n.channel).sort();

  it('gives incidents the monitor urgency, high by default, and pages by the rules for it', async () => {
    const high = await incidentOn();
    expect(high.monitor.urgency).toBe('high');
    expect(high.incident.urgency).toBe('high');
    expect(await channelsOf(high.incident.id)).toEqual(['webhook']);

    const low = await incidentOn('low');
    expect(low.monitor.urgency).toBe('low');
    expect(low.incident.urgency).toBe('low');
    expect(await channelsOf(low.incident.id)).toEqual(['slack']);
  });

  it('a dynamic monitor without a word from the event opens high-urgency incidents', async () => {
    const { incident } = await incidentOn('dynamic');
    expect(incident.urgency).toBe('high');
  });

  it("a dynamic monitor takes each event's severity: PagerDuty, Alertmanager, the generic webhook", async () => {
    const pushed = async (kind: string) => {
      const res = await t.admin.post('/api/v1/monitors', { name: `Dynamic ${kind}`, teamId, policyId, kind, urgency: 'dynamic' });
      expect(res.status).toBe(201);
      return { id: res.body.id as string, key: res.body.integrationKey as string };
    };
    const urgencies = async (monitorId: string) =>
      Object.fromEntries(((await t.admin.get(`/api/v1/incidents?monitorId=${monitorId}`)).body.items as { title: string; urgency: string }[]).map((i) => [i.title, i.urgency]));

    const pd = await pushed('pagerduty');
    for (const severity of ['critical', 'error', 'warning', 'info']) {
      const res = await t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', { routing_key: pd.key, event_action: 'trigger', payload: { summary: severity, source: 'db-1', severity } });
      expect(res.status).toBe(202);
    }
    expect(await urgencies(pd.id)).toEqual({ critical: 'high', error: 'high', warning: 'low', info: 'low' });

    const am = await pushed('alertmanager');
    const firing = (alertname: string, labels: Record<string, string>) => ({ status: 'firing', labels: { alertname, ...labels }, annotations: { summary: alertname } });
    const sent = await t.anonymous.post(`/api/v1/integrations/alertmanager?key=${am.key}`, {
      alerts: [firing('by-urgency', { urgency: 'low', severity: 'critical' }), firing('by-severity', { severity: 'warning' }), firing('unlabelled', {}), firing('odd', { severity: 'whatever' })],
    });
    expect(sent.status).toBe(202);
    expect(await urgencies(am.id)).toEqual({ 'by-urgency': 'low', 'by-severity': 'low', unlabelled: 'high', odd: 'high' });

    const hook = await pushed('webhook');
    for (const [title, extra] of [['said low', { urgency: 'low' }], ['said info', { severity: 'info' }], ['said nothing', {}], ['said a number', { urgency: 7 }]] as const) {
      expect((await t.anonymous.post(`/api/v1/integrations/webhook?key=${hook.key}`, { title, ...extra })).status).toBe(202);
    }
    expect(await urgencies(hook.id)).toEqual({ 'said low': 'low', 'said info': 'low', 'said nothing': 'high', 'said a number': 'high' });
  });

  it('a monitor with a fixed urgency ignores what the event says', async () => {
    const res = await t.admin.post('/api/v1/monitors', { name: 'Fixed low', teamId, policyId, kind: 'pagerduty', urgency: 'low' });
    await t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', { routing_key: res.body.integrationKey, event_action: 'trigger', payload: { summary: 'x', source: 's', severity: 'critical' } });
    expect((await t.admin.get(`/api/v1/incidents?monitorId=${res.body.id}`)).body.items[0].urgency).toBe('low');
  });

  it('changes the urgency on the timeline; later pages follow the new urgency', async () => {
    const { incident } = await incidentOn('low');
    const raised = await t.admin.post(`/api/v1/incidents/${incident.id}/urgency`, { urgency: 'high' });
    expect(raised.status).toBe(200);
    expect(raised.body.urgency).toBe('high');
    // The engine may log the first page's delivery meanwhile: the entry is looked for, not taken last.
    expect(raised.body.timeline.find((e: { kind: string }) => e.kind === 'urgency_changed')).toMatchObject({ data: { from: 'low', to: 'high' }, actorId: expect.any(String) });
    // The same urgency again changes nothing and logs nothing.
    const again = await t.admin.post(`/api/v1/incidents/${incident.id}/urgency`, { urgency: 'high' });
    expect(again.body.timeline.filter((e: { kind: string }) => e.kind === 'urgency_changed')).toHaveLength(1);
    await t.admin.post(`/api/v1/incidents/${incident.id}/reassign`, { userId: erin });
    expect(await channelsOf(incident.id)).toEqual(['slack', 'webhook']);
    expect((await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`)).status).toBe(200);
    const closed = await t.admin.post(`/api/v1/incidents/${incident.id}/urgency`, { urgency: 'low' });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('incident_resolved');
  });

  it('changes a monitor urgency for its next incidents', async () => {
    const { monitor } = await incidentOn();
    const patched = await t.admin.patch(`/api/v1/monitors/${monitor.id}`, { urgency: 'low' });
    expect(patched.body.urgency).toBe('low');
    const next = await t.admin.post(`/api/v1/monitors/${monitor.id}/alerts`, { title: 'Again' });
    expect(next.body.incident.urgency).toBe('low');
  });

  it('refuses unknown urgencies with the field path and writes nothing', async () => {
    const { monitor, incident } = await incidentOn();
    const onIncident = await t.admin.post(`/api/v1/incidents/${incident.id}/urgency`, { urgency: 'medium' });
    expect(onIncident.status).toBe(400);
    expect(onIncident.body.errors[0].path).toBe('/body/urgency');
    const onMonitor = await t.admin.patch(`/api/v1/monitors/${monitor.id}`, { urgency: 'urgent' });
    expect(onMonitor.status).toBe(400);
    expect(onMonitor.body.errors[0].path).toBe('/body/urgency');
    const rules = (await t.admin.get(`/api/v1/users/${erin}/notification-rules`)).body.length;
    const onRule = await t.admin.post(`/api/v1/users/${erin}/notification-rules`, { contactMethodId: monitor.id, delayMinutes: 0, urgency: 'dynamic' });
    expect(onRule.status).toBe(400);
    expect(onRule.body.errors[0].path).toBe('/body/urgency');
    expect((await t.admin.get(`/api/v1/users/${erin}/notification-rules`)).body).toHaveLength(rules);
    expect((await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.urgency).toBe('high');
    expect((await t.admin.get(`/api/v1/monitors/${monitor.id}`)).body.urgency).toBe('high');
  });
});
