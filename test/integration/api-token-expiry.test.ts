import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

const NOW = '2026-03-03T16:00:00.000Z';
const DAY = 86_400_000;

describeEachDatabase('API token expiry', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: NOW });

  it('refuses an expiry outside 1 to 3650 days at the field', async () => {
    for (const expiresInDays of [0, 3651, 1.5]) {
      const res = await t.admin.post('/api/v1/me/tokens', { name: 'bad', expiresInDays });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(JSON.stringify(res.body.errors)).toContain('/body/expiresInDays');
    }
  });

  it('works until its expiry, then answers 401 and stays listed until revoked', async () => {
    const created = await t.admin.post('/api/v1/me/tokens', { name: 'monthly', expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body.apiToken.expiresAt).toBe(new Date(Date.parse(NOW) + 30 * DAY).toISOString());
    const forever = await t.admin.post('/api/v1/me/tokens', { name: 'forever' });
    expect(forever.body.apiToken.expiresAt).toBeNull();

    const monthly = t.withToken(created.body.token);
    const lasting = t.withToken(forever.body.token);
    await t.anonymous.post('/api/v1/test/clock', { set: new Date(Date.parse(NOW) + 30 * DAY - 60_000).toISOString() });
    expect((await monthly.get('/api/v1/users')).status).toBe(200);
    await t.anonymous.post('/api/v1/test/clock', { set: new Date(Date.parse(NOW) + 30 * DAY).toISOString() });
    const refused = await monthly.get('/api/v1/users');
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/expired/);
    expect((await lasting.get('/api/v1/users')).status).toBe(200);

    // The admin's session has expired meanwhile; the lasting token acts for them.
    const listed = (await lasting.get('/api/v1/me/tokens')).body as { id: string; expiresAt: string | null }[];
    expect(listed.find((x) => x.id === created.body.apiToken.id)?.expiresAt).toBe(created.body.apiToken.expiresAt);
    expect((await lasting.delete(`/api/v1/me/tokens/${created.body.apiToken.id}`)).status).toBe(204);
    expect((await lasting.get('/api/v1/me/tokens')).body.map((x: { id: string }) => x.id)).not.toContain(created.body.apiToken.id);
  });
});
