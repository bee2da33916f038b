import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

describeEachDatabase('checked monitors API', (dialect) => {
  const t = useTestApp(dialect);
  const { demo } = useDemoMonitors(t);
  const create = (body: object) => t.admin.post('/api/v1/monitors', { name: 'API', teamId: demo.teamId, policyId: demo.policyId, ...body });
  const paths = (res: { body: { errors?: { path: string }[] } }) => res.body.errors?.map((e) => e.path);

  it('fills in the defaults and shows a pending monitor with its next check', async () => {
    const res = await create({ kind: 'http', http: { url: 'https://example.com/health' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'http',
      status: 'pending',
      check: { intervalSeconds: 60, timeoutSeconds: 10, confirmations: 2, recoveries: 1, autoResolve: true },
      http: {
        url: 'https://example.com/health',
        method: 'GET',
        headers: {},
        expectedStatus: ['200-299'],
        keywordMode: 'present',
        followRedirects: true,
        maxRedirects: 5,
        verifyTls: true,
        certExpiryDays: 14,
      },
    });
    expect(res.body.integrationKey).toBeUndefined();
    expect(res.body.lastCheck).toBeUndefined();
    const next = Date.parse(res.body.nextCheckAt) - Date.parse(res.body.createdAt);
    expect(next).toBeGreaterThanOrEqual(0);
    expect(next).toBeLessThan(60_000);
  });

  it('patches the check, replaces the target whole, and sets or clears maintenance', async () => {
    const id = (await create({ kind: 'http', http: { url: 'https://example.com/', keyword: 'ok', method: 'HEAD' } })).body.id;
    const patched = await t.admin.patch(`/api/v1/monitors/${id}`, {
      check: { confirmations: 3 },
      http: { url: 'https://example.com/v2' },
      maintenance: { timeZone: 'Europe/Berlin', weekly: [{ startDay: 7, startTime: '02:00', endDay: 7, endTime: '04:00' }], once: [] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.check).toMatchObject({ confirmations: 3, intervalSeconds: 60 });
    expect(patched.body.http).toMatchObject({ url: 'https://example.com/v2', method: 'GET' });
    expect(patched.body.http.keyword).toBeUndefined();
    expect(patched.body.maintenance.timeZone).toBe('Europe/Berlin');
    const cleared = await t.admin.patch(`/api/v1/monitors/${id}`, { maintenance: { timeZone: 'UTC', weekly: [], once: [] } });
    expect(cleared.body.maintenance).toBeUndefined();
    expect((await t.admin.patch(`/api/v1/monitors/${id}`, { check: { intervalSeconds: 300 } })).body.check.intervalSeconds).toBe(300);
  });

  it('refuses bad check settings with the field path, and stores nothing', async () => {
    const before = (await t.admin.get('/api/v1/monitors?limit=200')).body.items.length;
    expect(paths(await create({ kind: 'http' }))).toEqual(['/body/http']);
    expect(paths(await create({ kind: 'http', http: { url: 'https://x.test/' }, tcp: { host: 'x', port: 1 } }))).toEqual(['/body/tcp']);
    expect(paths(await create({ kind: 'tcp', tcp: { host: 'db.internal', port: 5432 }, check: { intervalSeconds: 20, timeoutSeconds: 20 } }))).toEqual([
      '/body/check/timeoutSeconds',
    ]);
    expect(paths(await create({ kind: 'http', http: { url: 'https://x.test/', expectedStatus: ['200', '299-200'] } }))).toEqual(['/body/http/expectedStatus/1']);
    expect(paths(await create({ kind: 'http', http: { url: 'https://x.test/', headers: { 'Bad Header': 'x' } } }))).toEqual(['/body/http/headers/Bad Header']);
    expect(paths(await create({ kind: 'http', http: { url: 'ftp://x.test/' } }))).toEqual(['/body/http/url']);
    expect(paths(await create({ kind: 'dns', dns: { name: 'x.test', recordType: 'A', server: 'resolver.local' } }))).toEqual(['/body/dns/server']);
    expect(paths(await create({ kind: 'dns', dns: { name: 'x.test', recordType: 'SRV' } }))).toEqual(['/body/dns/recordType']);
    expect(paths(await create({ kind: 'ping', ping: { host: '-oProxy' } }))).toEqual(['/body/ping/host']);
    const window = { start: '2026-01-02T00:00:00Z', end: '2026-01-01T00:00:00Z' };
    expect(paths(await create({ kind: 'ping', ping: { host: 'h' }, maintenance: { timeZone: 'UTC', weekly: [], once: [window] } }))).toEqual(['/body/maintenance/once/0/end']);
    expect(paths(await create({ kind: 'ping', ping: { host: 'h' }, maintenance: { timeZone: 'Mars/Olympus', weekly: [], once: [] } }))).toEqual([
      '/body/maintenance/timeZone',
    ]);
    const pushed = await create({ kind: 'webhook', check: { intervalSeconds: 60 } });
    expect(pushed.status).toBe(400);
    expect(paths(pushed)).toEqual(['/body/check']);
    expect((await t.admin.get('/api/v1/monitors?limit=200')).body.items.length).toBe(before);
  });

  it("shows an HTTP check's header values to responders and up, and only their names to viewers", async () => {
    const id = (await create({ kind: 'http', http: { url: 'https://api.test/health', headers: { Authorization: 'Bearer s3cret' } } })).body.id;
    expect((await t.admin.get(`/api/v1/monitors/${id}`)).body.http.headers).toEqual({ Authorization: 'Bearer s3cret' });
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    const dave = users.find((u) => u.email === 'dave@example.com')?.id;
    await t.admin.patch(`/api/v1/users/${dave}`, { password: 'dave-password' });
    const viewer = await t.login('dave@example.com', 'dave-password');
    expect((await viewer.get(`/api/v1/monitors/${id}`)).body.http.headers).toEqual({ Authorization: '(hidden)' });
    const listed = (await viewer.get('/api/v1/monitors?limit=200')).body.items.find((m: { id: string }) => m.id === id);
    expect(JSON.stringify(listed)).not.toContain('s3cret');
  });

  it('reports uptime and history as empty before any check', async () => {
    const id = (await create({ kind: 'tcp', tcp: { host: '127.0.0.1', port: 9 } })).body.id;
    expect((await t.admin.get(`/api/v1/monitors/${id}/uptime`)).body).toEqual({ h24: null, d7: null, d30: null });
    expect((await t.admin.get(`/api/v1/monitors/${id}/history?range=30d`)).body).toEqual({ range: '30d', resolution: 'hour', points: [] });
    expect(paths(await t.admin.get(`/api/v1/monitors/${id}/history?range=1y`))).toEqual(['/querystring/range']);
  });

  it('shows pushed monitors as down while an incident is open', async () => {
    const id = (await create({ kind: 'manual' })).body.id;
    expect((await t.admin.get(`/api/v1/monitors/${id}`)).body.status).toBe('up');
    const incident = (await t.admin.post(`/api/v1/monitors/${id}/alerts`, { title: 'broken' })).body.incident;
    expect((await t.admin.get(`/api/v1/monitors/${id}`)).body.status).toBe('down');
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    expect((await t.admin.get(`/api/v1/monitors/${id}`)).body.status).toBe('up');
  });
});
