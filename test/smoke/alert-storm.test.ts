import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SEEDED = '2026-03-02T12:00:00.000Z';
const MIN = 60_000;
const ALERTS = 500;
const GROUPS = 5;

/**
 * An Alertmanager storm through the whole server with a frozen clock: a monitor that
 * groups its alerts opens one incident per group, pages once per incident, lists every
 * alert on its incident, and resolves an incident when its senders resolved all its alerts.
 */
describeEachDatabase('alert storm with grouping', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  let teamId = '';
  let policyId = '';
  let receiver: WebhookReceiver;

  const clock = (body: object) => t.anonymous.post('/api/v1/test/clock', body);
  async function advance(ms: number) {
    await clock({ advanceMs: ms });
    await t.vigil.engine.runOnce();
  }

  beforeAll(async () => {
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    const alice = users.find((u) => u.email.startsWith('alice@'))?.id;
    receiver = await startWebhookReceiver();
    expect((await t.admin.post(`/api/v1/users/${alice}/contact-methods`, { kind: 'webhook', address: receiver.url('/alice') })).status).toBe(201);
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'Storm', teamId, repeat: 0, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: alice }] }] });
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    policyId = policy.body.id;
  });

  afterAll(() => receiver.close());

  async function monitor(grouping: object) {
    const res = await t.admin.post('/api/v1/monitors', { name: `storm ${Math.random()}`, teamId, policyId, kind: 'alertmanager', grouping });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.grouping).toEqual(grouping);
    const url = new URL(res.body.integrationUrl);
    return { id: res.body.id as string, path: `${url.pathname}${url.search}` };
  }

  // Alert i is in group i % GROUPS: alertname × cluster make 5 groups of 100.
  const alertOf = (i: number, status = 'firing') => ({
    status,
    labels: { alertname: ['HighCPU', 'DiskFull', 'PodCrash'][i % GROUPS % 3] as string, cluster: i % GROUPS < 3 ? 'prod' : 'staging', pod: `pod-${i}` },
    annotations: { summary: `alert ${i}` },
    fingerprint: `fp-${i}`,
  });
  const notify = (path: string, alerts: object[]) => t.anonymous.post(path, { version: '4', status: 'firing', receiver: 'vigil', groupLabels: {}, commonLabels: {}, alerts });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const incidentsOf = async (monitorId: string): Promise<any[]> => (await t.admin.get(`/api/v1/incidents?monitorId=${monitorId}&status=triggered,acknowledged,resolved&limit=100`)).body.items;
  const alertsOf = async (incidentId: string) => {
    const all: { dedupKey: string; resolvedAt: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.admin.get(`/api/v1/incidents/${incidentId}/alerts?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      all.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return all;
  };
  const pagesOf = async (incidentIds: string[]) =>
    (await t.vigil.database.db.selectFrom('notifications').select(['incident_id']).where('incident_id', 'in', incidentIds).execute()).map((n) => n.incident_id);

  it(`folds ${ALERTS} firing alerts in a few notifications into ${GROUPS} incidents by alertname and cluster, paging once each`, async () => {
    const m = await monitor({ mode: 'labels', fields: ['labels.alertname', 'labels.cluster'] });
    const indexes = Array.from({ length: ALERTS }, (_, i) => i);
    // Five notifications of 100 at once, each mixing every group, as Alertmanager sends a storm.
    const answers = await Promise.all(Array.from({ length: 5 }, (_, n) => notify(m.path, indexes.filter((i) => i % 5 === n).map((i) => alertOf(i)))));
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill(202));
    await t.vigil.engine.runOnce();

    const incidents = await incidentsOf(m.id);
    expect(incidents).toHaveLength(GROUPS);
    expect(incidents.map((i) => i.alertCount)).toEqual(Array(GROUPS).fill(ALERTS / GROUPS));
    for (const incident of incidents) {
      const alerts = await alertsOf(incident.id);
      expect(alerts).toHaveLength(ALERTS / GROUPS);
      // Each incident holds exactly one group's alerts, each with its own dedup key, firing.
      const groups = new Set(alerts.map((a) => Number(a.dedupKey.slice(3)) % GROUPS));
      expect(groups.size).toBe(1);
      expect(alerts.every((a) => a.resolvedAt === null)).toBe(true);
    }
    const pages = await pagesOf(incidents.map((i) => i.id));
    expect(pages.sort()).toEqual(incidents.map((i) => i.id).sort());

    // Repeats of the storm fold in again, opening and paging nothing new.
    await notify(m.path, indexes.slice(0, 50).map((i) => alertOf(i)));
    await t.vigil.engine.runOnce();
    expect(await incidentsOf(m.id)).toHaveLength(GROUPS);
    expect(await pagesOf(incidents.map((i) => i.id))).toHaveLength(GROUPS);

    // Resolving every alert of one group resolves its incident only, once the last one is resolved.
    const group0 = indexes.filter((i) => i % GROUPS === 0);
    await notify(m.path, group0.slice(0, -1).map((i) => alertOf(i, 'resolved')));
    const target = (await incidentsOf(m.id)).find((i) => Number(i.dedupKey.slice(3)) % GROUPS === 0);
    expect(target.status).toBe('triggered');
    await notify(m.path, [alertOf(group0.at(-1) as number, 'resolved')]);
    const after = await incidentsOf(m.id);
    expect(after.filter((i) => i.status === 'resolved').map((i) => i.id)).toEqual([target.id]);
    const resolvedAlerts = await alertsOf(target.id);
    expect(resolvedAlerts.every((a) => a.resolvedAt !== null)).toBe(true);
    // The others are untouched: a resolve of one group's alert never reaches another's incident.
    expect(after.filter((i) => i.status === 'triggered')).toHaveLength(GROUPS - 1);
  });

  it('window mode folds alerts into the newest incident that opened within the window, and acknowledges by any of its alerts', async () => {
    const m = await monitor({ mode: 'window', windowMinutes: 10 });
    await notify(m.path, [alertOf(1), alertOf(2)]);
    await advance(9 * MIN);
    await notify(m.path, [alertOf(3)]);
    await advance(2 * MIN);
    // 11 minutes after the first incident opened: outside its window, a new one opens.
    await notify(m.path, [alertOf(4), alertOf(5)]);
    await t.vigil.engine.runOnce();
    const incidents = await incidentsOf(m.id);
    // Alerts of one notification may open in either order.
    const first = incidents.find((i) => ['fp-1', 'fp-2'].includes(i.dedupKey));
    const second = incidents.find((i) => ['fp-4', 'fp-5'].includes(i.dedupKey));
    expect(incidents).toHaveLength(2);
    expect([first.alertCount, second.alertCount]).toEqual([3, 2]);
    expect((await alertsOf(second.id)).map((a) => a.dedupKey).sort()).toEqual(['fp-4', 'fp-5']);
    expect(await pagesOf(incidents.map((i) => i.id))).toHaveLength(2);
    // A repeat of alert 3 goes where alert 3 went, whatever the window says now.
    await notify(m.path, [alertOf(3)]);
    expect((await incidentsOf(m.id)).find((i) => i.id === first.id).alertCount).toBe(4);

    // A resolve of one grouped alert leaves the incident open; the last one resolves it.
    await notify(m.path, [alertOf(1, 'resolved'), alertOf(3, 'resolved')]);
    expect((await incidentsOf(m.id)).find((i) => i.id === first.id).status).toBe('triggered');
    const alerts = await alertsOf(first.id);
    expect(alerts.map((a) => [a.dedupKey, a.resolvedAt !== null]).sort()).toEqual([
      ['fp-1', true],
      ['fp-2', false],
      ['fp-3', true],
      ['fp-3', true],
    ]);
    await notify(m.path, [alertOf(2, 'resolved')]);
    expect((await incidentsOf(m.id)).find((i) => i.id === first.id).status).toBe('resolved');
  });

  it('a webhook grouped by a body field acknowledges the incident by any alert key', async () => {
    const res = await t.admin.post('/api/v1/monitors', { name: 'hooks', teamId, policyId, kind: 'webhook', grouping: { mode: 'labels', fields: ['service'] } });
    const url = new URL(res.body.integrationUrl);
    const path = `${url.pathname}${url.search}`;
    await t.anonymous.post(path, { title: 'Slow', dedupKey: 'a', service: 'checkout' });
    await t.anonymous.post(path, { title: 'Errors', dedupKey: 'b', service: 'checkout' });
    await t.anonymous.post(path, { title: 'Slow', dedupKey: 'c', service: 'search' });
    const incidents = await incidentsOf(res.body.id);
    expect(incidents.map((i) => [i.dedupKey, i.alertCount]).sort()).toEqual([
      ['a', 2],
      ['c', 1],
    ]);
    expect((await t.anonymous.post(path, { action: 'acknowledge', dedupKey: 'b' })).status).toBe(202);
    const acked = (await incidentsOf(res.body.id)).find((i) => i.dedupKey === 'a');
    expect(acked.status).toBe('acknowledged');
  });
});
