import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors, type PushedMonitor } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

const N = 50;

describeEachDatabase('alert storms: dedup under concurrency', (dialect) => {
  const t = useTestApp(dialect);
  const { demo, pushed, incidents } = useDemoMonitors(t);

  const pdEvent = (monitor: PushedMonitor, event: Record<string, unknown>) =>
    t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', { routing_key: monitor.key, ...event });
  const pdTrigger = (monitor: PushedMonitor, dedupKey: string) =>
    pdEvent(monitor, { event_action: 'trigger', dedup_key: dedupKey, payload: { summary: 'Disk full', source: 'db-1', severity: 'critical' } });
  const countEvents = async (incidentId: string, kind: string) =>
    ((await t.admin.get(`/api/v1/incidents/${incidentId}`)).body.timeline as { kind: string }[]).filter((e) => e.kind === kind).length;

  it(`folds ${N} concurrent identical PagerDuty triggers into one incident with alertCount ${N}`, async () => {
    const monitor = await pushed('pagerduty');
    const answers = await Promise.all(Array.from({ length: N }, () => pdTrigger(monitor, 'disk-full')));
    expect(answers.map((a) => a.status)).toEqual(Array(N).fill(202));
    expect(new Set(answers.map((a) => a.body.dedup_key))).toEqual(new Set(['disk-full']));
    const open = await incidents(monitor.id);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ alertCount: N, dedupKey: 'disk-full', status: 'triggered' });
    // Noted at the 2nd, 4th, 8th, 16th and 32nd alert, not at every one.
    expect(await countEvents(open[0].id, 'alert_absorbed')).toBe(5);
    expect(await countEvents(open[0].id, 'triggered')).toBe(1);
  });

  it(`folds ${N} concurrent identical webhook triggers into one incident, answering its id every time`, async () => {
    const monitor = await pushed('webhook');
    const answers = await Promise.all(Array.from({ length: N }, () => t.anonymous.post(`${monitor.path}`, { title: 'Queue stuck', dedupKey: 'queue' })));
    expect(answers.map((a) => a.status)).toEqual(Array(N).fill(202));
    const open = await incidents(monitor.id);
    expect(open).toHaveLength(1);
    expect(open[0].alertCount).toBe(N);
    expect(new Set(answers.map((a) => a.body.incidentId))).toEqual(new Set([open[0].id]));
    expect(new Set(answers.map((a) => a.body.dedupKey))).toEqual(new Set(['queue']));
  });

  it('opens exactly one incident per distinct key when K keys storm at once', async () => {
    const monitor = await pushed('webhook');
    const K = 7;
    const answers = await Promise.all(Array.from({ length: K * 6 }, (_, i) => t.anonymous.post(monitor.path, { title: `key ${i % K}`, dedupKey: `k${i % K}` })));
    expect(answers.every((a) => a.status === 202)).toBe(true);
    const open = await incidents(monitor.id);
    expect(open).toHaveLength(K);
    expect(open.map((i: { dedupKey: string }) => i.dedupKey).sort()).toEqual(Array.from({ length: K }, (_, k) => `k${k}`).sort());
    expect(open.every((i: { alertCount: number }) => i.alertCount === 6)).toBe(true);
    for (let k = 0; k < K; k++) {
      const ids = new Set(answers.filter((_, i) => i % K === k).map((a) => a.body.incidentId));
      expect(ids.size).toBe(1);
    }
  });

  it('opens a new incident for the key of a resolved one, and still acknowledges and resolves by key', async () => {
    const monitor = await pushed('pagerduty');
    await pdTrigger(monitor, 'cpu');
    await pdTrigger(monitor, 'cpu');
    const ack = await pdEvent(monitor, { event_action: 'acknowledge', dedup_key: 'cpu' });
    expect(ack.status).toBe(202);
    expect((await incidents(monitor.id))[0]).toMatchObject({ status: 'acknowledged', alertCount: 2 });
    // An acknowledged incident still absorbs repeats.
    await pdTrigger(monitor, 'cpu');
    expect((await incidents(monitor.id))[0]).toMatchObject({ status: 'acknowledged', alertCount: 3 });
    expect((await pdEvent(monitor, { event_action: 'resolve', dedup_key: 'cpu' })).status).toBe(202);
    const [first] = await incidents(monitor.id);
    expect(first.status).toBe('resolved');
    await Promise.all(Array.from({ length: 10 }, () => pdTrigger(monitor, 'cpu')));
    const all = await incidents(monitor.id);
    expect(all).toHaveLength(2);
    const reopened = all.find((i: { id: string }) => i.id !== first.id);
    expect(reopened).toMatchObject({ status: 'triggered', alertCount: 10, dedupKey: 'cpu' });
    expect((await t.admin.get(`/api/v1/incidents/${first.id}`)).body).toMatchObject({ status: 'resolved', alertCount: 3 });
  });

  it('pages for one incident only, however many identical alerts raced to open it', async () => {
    const policy = await t.admin.post('/api/v1/escalation-policies', {
      name: `storm pages ${dialect}`,
      teamId: demo.teamId,
      steps: [{ waitSeconds: 600, targets: [{ type: 'webhook', url: 'http://127.0.0.1:9/storm' }] }],
    });
    expect(policy.status).toBe(201);
    const created = await t.admin.post('/api/v1/monitors', { name: `storm ${dialect}`, teamId: demo.teamId, policyId: policy.body.id, kind: 'webhook' });
    const url = new URL(created.body.integrationUrl);
    await Promise.all(Array.from({ length: N }, () => t.anonymous.post(`${url.pathname}${url.search}`, { title: 'Storm', dedupKey: 'storm' })));
    await t.vigil.engine.runOnce();
    const [incident] = await incidents(created.body.id);
    const pages = await t.vigil.database.db
      .selectFrom('notifications')
      .innerJoin('incidents', 'incidents.id', 'notifications.incident_id')
      .select(['notifications.incident_id', 'notifications.address'])
      .where('incidents.monitor_id', '=', created.body.id)
      .execute();
    expect(pages).toEqual([{ incident_id: incident.id, address: 'http://127.0.0.1:9/storm' }]);
    expect(await countEvents(incident.id, 'escalated')).toBe(1);
  });
});
