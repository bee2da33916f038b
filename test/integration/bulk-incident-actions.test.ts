import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

describeEachDatabase('bulk incident actions', (dialect) => {
  const t = useTestApp(dialect);
  let monitorId = '';

  beforeAll(async () => {
    monitorId = (await t.admin.get('/api/v1/monitors')).body.items.find((m: { name: string }) => m.name === 'Demo API').id;
  });

  const open = async (title: string) => (await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title })).body.incident.id as string;
  const statusOf = async (id: string) => (await t.admin.get(`/api/v1/incidents/${id}`)).body.status as string;

  it('acknowledges then resolves many at once, leaving alone what is already there', async () => {
    const [a, b, c] = [await open('Bulk A'), await open('Bulk B'), await open('Bulk C')];
    await t.admin.post(`/api/v1/incidents/${b}/acknowledge`);
    await t.admin.post(`/api/v1/incidents/${c}/resolve`);
    const acked = await t.admin.post('/api/v1/incidents/bulk', { action: 'acknowledge', ids: [a, b, c] });
    expect(acked.status).toBe(200);
    expect(acked.body.items).toEqual([
      { id: a, status: 'acknowledged', changed: true },
      { id: b, status: 'acknowledged', changed: false },
      { id: c, status: 'resolved', changed: false },
    ]);
    const resolved = await t.admin.post('/api/v1/incidents/bulk', { action: 'resolve', ids: [a, b, c] });
    expect(resolved.body.items.map((i: { changed: boolean }) => i.changed)).toEqual([true, true, false]);
    expect([await statusOf(a), await statusOf(b), await statusOf(c)]).toEqual(['resolved', 'resolved', 'resolved']);
  });

  it('refuses all when one id is unknown or of a team the caller is not in, naming it, and changes nothing', async () => {
    const a = await open('Bulk D');
    const unknown = await t.admin.post('/api/v1/incidents/bulk', { action: 'resolve', ids: [a, '00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: '/body/ids/1', message: 'is not an incident' }]);
    await t.admin.post('/api/v1/users', { email: 'outsider@example.com', name: 'Outsider', role: 'responder', password: 'outsider-password' });
    const outsider = await t.login('outsider@example.com', 'outsider-password');
    const refused = await outsider.post('/api/v1/incidents/bulk', { action: 'resolve', ids: [a] });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].path).toBe('/body/ids/0');
    const shape = await t.admin.post('/api/v1/incidents/bulk', { action: 'snooze', ids: [] });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/body/action', '/body/ids']);
    expect(await statusOf(a)).toBe('triggered');
    await t.admin.post(`/api/v1/incidents/${a}/resolve`);
  });
});
