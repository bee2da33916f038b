import { expect, it } from 'vitest';
import { insertAlerts, KEPT_ALERTS } from '../../src/store/incident-alerts.js';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

describeEachDatabase('alert grouping: the monitor setting and the alert list', (dialect) => {
  const t = useTestApp(dialect);
  const { demo, pushed, incidents } = useDemoMonitors(t);
  const create = (body: object) => t.admin.post('/api/v1/monitors', { name: `g ${Math.random()}`, teamId: demo.teamId, policyId: demo.policyId, ...body });
  const paths = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path);

  it('is set on create, shown, changed and cleared by PATCH, for the kinds that take events', async () => {
    const byLabels = { mode: 'labels', fields: ['labels.alertname', 'labels.cluster'], windowMinutes: 30 };
    const created = await create({ kind: 'alertmanager', grouping: byLabels });
    expect(created.status).toBe(201);
    expect(created.body.grouping).toEqual(byLabels);
    expect((await t.admin.get(`/api/v1/monitors/${created.body.id}`)).body.grouping).toEqual(byLabels);
    const patched = await t.admin.patch(`/api/v1/monitors/${created.body.id}`, { grouping: { mode: 'window', windowMinutes: 5 } });
    expect(patched.status).toBe(200);
    expect(patched.body.grouping).toEqual({ mode: 'window', windowMinutes: 5 });
    // Other changes leave it as it is; null clears it.
    expect((await t.admin.patch(`/api/v1/monitors/${created.body.id}`, { name: 'renamed' })).body.grouping).toEqual({ mode: 'window', windowMinutes: 5 });
    expect((await t.admin.patch(`/api/v1/monitors/${created.body.id}`, { grouping: null })).body.grouping).toBeNull();
    for (const kind of ['webhook', 'pagerduty', 'grafana']) expect((await create({ kind })).body.grouping).toBeNull();
    expect((await create({ kind: 'heartbeat', heartbeat: { intervalSeconds: 60, graceSeconds: 0 } })).body).not.toHaveProperty('grouping');
  });

  it('refuses a grouping that cannot be used with 400 invalid_grouping at the field, and malformed ones with 400', async () => {
    const refused = async (body: object, expected: string[]) => {
      const res = await create({ kind: 'webhook', ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.code).toBe('invalid_grouping');
      expect(paths(res)).toEqual(expected);
    };
    await refused({ grouping: { mode: 'labels' } }, ['/body/grouping/fields']);
    await refused({ grouping: { mode: 'window' } }, ['/body/grouping/windowMinutes']);
    await refused({ grouping: { mode: 'window', windowMinutes: 5, fields: ['service'] } }, ['/body/grouping/fields']);
    await refused({ grouping: { mode: 'labels', fields: ['labels..team', 'service', 'has space', 'service'] } }, ['/body/grouping/fields/0', '/body/grouping/fields/2', '/body/grouping/fields/3']);
    const http = await create({ kind: 'http', http: { url: 'https://example.com' }, grouping: { mode: 'window', windowMinutes: 5 } });
    expect(http.status).toBe(400);
    expect(paths(http)).toEqual(['/body/grouping']);
    const webhook = await pushed('webhook');
    const patched = await t.admin.patch(`/api/v1/monitors/${webhook.id}`, { grouping: { mode: 'labels', fields: [''] } });
    expect(patched.status).toBe(400);
    expect(paths(patched)[0]).toMatch(/^\/body\/grouping/);
    for (const grouping of [{ mode: 'sometimes' }, { mode: 'window', windowMinutes: 0 }, { mode: 'window', windowMinutes: 1441 }, { mode: 'labels', fields: [] }, { mode: 'window', windowMinutes: 5, extra: 1 }]) {
      const res = await create({ kind: 'webhook', grouping });
      expect(res.status, JSON.stringify(grouping)).toBe(400);
      expect(paths(res)[0], JSON.stringify(grouping)).toMatch(/^\/body\/grouping/);
    }
  });

  it('a grouping changed behind the node (another node, the command line) is honoured by the next event', async () => {
    const monitor = await pushed('webhook');
    await t.anonymous.post(monitor.path, { title: 'one', dedupKey: 'a', service: 'x' });
    await t.vigil.database.db.updateTable('monitors').set({ grouping: JSON.stringify({ mode: 'labels', fields: ['service'] }) }).where('id', '=', monitor.id).execute();
    await t.anonymous.post(monitor.path, { title: 'two', dedupKey: 'b', service: 'y' });
    await t.anonymous.post(monitor.path, { title: 'three', dedupKey: 'c', service: 'y' });
    expect((await incidents(monitor.id)).map((i) => [i.dedupKey, i.alertCount]).sort()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('alerts an event rule suppressed or routed are grouped apart: a page is never lost in a suppressed incident', async () => {
    const monitor = await pushed('webhook');
    await t.admin.patch(`/api/v1/monitors/${monitor.id}`, { grouping: { mode: 'labels', fields: ['service'] } });
    const rules = await t.admin.put(`/api/v1/monitors/${monitor.id}/event-rules`, { rules: [{ name: 'Staging pages nobody', when: [{ field: 'env', op: 'equals', value: 'staging' }], then: { suppress: true } }] });
    expect(rules.status, JSON.stringify(rules.body)).toBe(200);
    await t.anonymous.post(monitor.path, { title: 'Staging slow', dedupKey: 's1', service: 'checkout', env: 'staging' });
    await t.anonymous.post(monitor.path, { title: 'Prod slow', dedupKey: 'p1', service: 'checkout', env: 'prod' });
    await t.anonymous.post(monitor.path, { title: 'Staging errors', dedupKey: 's2', service: 'checkout', env: 'staging' });
    await t.anonymous.post(monitor.path, { title: 'Prod errors', dedupKey: 'p2', service: 'checkout', env: 'prod' });
    const byKey = Object.fromEntries((await incidents(monitor.id)).map((i) => [i.dedupKey, i]));
    expect(Object.keys(byKey).sort()).toEqual(['p1', 's1']);
    expect(byKey['s1']).toMatchObject({ alertCount: 2, suppression: { by: 'rule', rule: 'Staging pages nobody' } });
    expect(byKey['p1']).toMatchObject({ alertCount: 2, suppression: null });
  });

  it("lists each alert's dedup key and resolution; an ungrouped incident's alerts resolve with it", async () => {
    const monitor = await pushed('webhook');
    const { incidentId } = (await t.anonymous.post(monitor.path, { title: 'Disk', dedupKey: 'disk' })).body;
    await t.anonymous.post(monitor.path, { title: 'Disk', dedupKey: 'disk' });
    const alerts = async () => (await t.admin.get(`/api/v1/incidents/${incidentId}/alerts`)).body.items;
    expect((await alerts()).map((a: { dedupKey: string; resolvedAt: string | null }) => [a.dedupKey, a.resolvedAt])).toEqual([
      ['disk', null],
      ['disk', null],
    ]);
    await t.anonymous.post(monitor.path, { action: 'resolve', dedupKey: 'disk' });
    const resolvedAt = (await t.admin.get(`/api/v1/incidents/${incidentId}`)).body.resolvedAt;
    expect((await alerts()).map((a: { resolvedAt: string | null }) => a.resolvedAt)).toEqual([resolvedAt, resolvedAt]);
  });

  it("a merge into a grouped incident carries the merged alerts' keys: it resolves once they are resolved too", async () => {
    const monitor = await pushed('webhook');
    const before = (await t.anonymous.post(monitor.path, { title: 'Before grouping', dedupKey: 'z', service: 'x' })).body.incidentId;
    await t.admin.patch(`/api/v1/monitors/${monitor.id}`, { grouping: { mode: 'labels', fields: ['service'] } });
    const grouped = (await t.anonymous.post(monitor.path, { title: 'Grouped', dedupKey: 'a', service: 'x' })).body.incidentId;
    expect(grouped).not.toBe(before);
    expect((await t.admin.post(`/api/v1/incidents/${grouped}/merge`, { incidentIds: [before] })).status).toBe(200);
    const keys = (await t.admin.get(`/api/v1/incidents/${grouped}/alerts`)).body.items.map((a: { dedupKey: string }) => a.dedupKey);
    expect(keys.sort()).toEqual(['a', 'z']);
    await t.anonymous.post(monitor.path, { action: 'resolve', dedupKey: 'a' });
    expect((await t.admin.get(`/api/v1/incidents/${grouped}`)).body.status).toBe('triggered');
    await t.anonymous.post(monitor.path, { action: 'resolve', dedupKey: 'z' });
    expect((await t.admin.get(`/api/v1/incidents/${grouped}`)).body.status).toBe('resolved');
  });

  it(`the retention pass keeps the newest ${KEPT_ALERTS} alerts of an incident; its alert count keeps counting all`, async () => {
    const monitor = await pushed('webhook');
    const { incidentId } = (await t.anonymous.post(monitor.path, { title: 'Flood', dedupKey: 'flood' })).body;
    const db = t.vigil.database.db;
    const extra = KEPT_ALERTS + 4;
    await insertAlerts(db, Array.from({ length: extra }, (_, i) => ({ incidentId, at: 1000 + i, title: `repeat ${i}`, details: undefined, dedupKey: 'flood' })));
    await db.updateTable('incidents').set({ alert_count: extra + 1 }).where('id', '=', incidentId).execute();
    const small = (await t.anonymous.post((await pushed('webhook')).path, { title: 'Small', dedupKey: 's' })).body.incidentId;
    await t.vigil.auditRetention.runOnce();
    const kept = await db.selectFrom('incident_alerts').select(['title']).where('incident_id', '=', incidentId).orderBy('id').execute();
    expect(kept).toHaveLength(KEPT_ALERTS);
    expect(kept[0]?.title).toBe(`repeat ${extra - KEPT_ALERTS}`);
    expect(kept.at(-1)?.title).toBe(`repeat ${extra - 1}`);
    expect((await t.admin.get(`/api/v1/incidents/${incidentId}`)).body.alertCount).toBe(extra + 1);
    expect(await db.selectFrom('incident_alerts').select('id').where('incident_id', '=', small).execute()).toHaveLength(1);
    // A second pass finds nothing more to trim.
    await t.vigil.auditRetention.runOnce();
    expect(await db.selectFrom('incident_alerts').select('id').where('incident_id', '=', incidentId).execute()).toHaveLength(KEPT_ALERTS);
  });
});
