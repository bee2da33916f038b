import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

describeEachDatabase('merging incidents', (dialect) => {
  const t = useTestApp(dialect);
  let monitorId = '';

  beforeAll(async () => {
    monitorId = (await t.admin.get('/api/v1/monitors')).body.items.find((m: { name: string }) => m.name === 'Demo API').id;
  });

  const open = async (title: string, dedupKey: string) => (await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title, dedupKey })).body.incident.id as string;
  const get = async (id: string) => (await t.admin.get(`/api/v1/incidents/${id}`)).body;
  const alertTitles = async (id: string) => ((await t.admin.get(`/api/v1/incidents/${id}/alerts`)).body.items as { title: string }[]).map((a) => a.title).sort();

  it('resolves the merged incidents and moves their alerts and counts to the one they join', async () => {
    const target = await open('DB slow', 'db');
    await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title: 'DB slow again', dedupKey: 'db' });
    const a = await open('API 500s', 'api');
    const b = await open('Queue backlog', 'queue');
    const merged = await t.admin.post(`/api/v1/incidents/${target}/merge`, { incidentIds: [a, b] });
    expect(merged.status).toBe(200);
    expect(merged.body.alertCount).toBe(4);
    expect(merged.body.timeline.find((e: { kind: string }) => e.kind === 'merged')).toMatchObject({ data: { incidentIds: [a, b], titles: ['API 500s', 'Queue backlog'], alerts: 2 } });
    expect(await alertTitles(target)).toEqual(['API 500s', 'DB slow', 'DB slow again', 'Queue backlog']);
    for (const id of [a, b]) {
      const source = await get(id);
      expect(source.status).toBe('resolved');
      const kinds = source.timeline.map((e: { kind: string }) => e.kind);
      expect(kinds.indexOf('merged_into')).toBe(kinds.indexOf('resolved') + 1);
      expect(source.timeline.find((e: { kind: string }) => e.kind === 'merged_into').data).toEqual({ incidentId: target });
      expect(await alertTitles(id)).toEqual([]);
    }
    await t.admin.post(`/api/v1/incidents/${target}/resolve`);
  });

  it('refuses resolved, unknown or the same incident, naming each, and changes nothing', async () => {
    const target = await open('Target', 'target');
    const live = await open('Live', 'live');
    const done = await open('Done', 'done');
    await t.admin.post(`/api/v1/incidents/${done}/resolve`);
    const res = await t.admin.post(`/api/v1/incidents/${target}/merge`, { incidentIds: [live, done, target, '00000000-0000-4000-8000-000000000000'] });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['/body/incidentIds/1', '/body/incidentIds/2', '/body/incidentIds/3']);
    expect((await get(live)).status).toBe('triggered');
    expect((await get(target)).alertCount).toBe(1);
    await t.admin.post(`/api/v1/incidents/${target}/resolve`);
    const intoResolved = await t.admin.post(`/api/v1/incidents/${target}/merge`, { incidentIds: [live] });
    expect(intoResolved.status).toBe(409);
    expect((await get(live)).status).toBe('triggered');
    await t.admin.post(`/api/v1/incidents/${live}/resolve`);
  });
});
