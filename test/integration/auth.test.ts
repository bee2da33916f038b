import { expect, it } from 'vitest';
import { demoAdmin } from '../support/demo-admin.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

describeEachDatabase('authentication', (dialect) => {
  const t = useTestApp(dialect);

  it('logs in with the right password and reports the session', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', demoAdmin);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: demoAdmin.email, role: 'owner' });
    expect(res.body.user).not.toHaveProperty('password_hash');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/vigil_session=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const session = await t.admin.get('/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe(demoAdmin.email);
    expect(session.body.csrfToken).toEqual(expect.any(String));
  });

  it('refuses a wrong password or an unknown email with the same 401', async () => {
    const wrong = await t.anonymous.post('/api/v1/auth/login', { email: demoAdmin.email, password: 'nope-nope' });
    const unknown = await t.anonymous.post('/api/v1/auth/login', { email: 'ghost@example.com', password: 'nope-nope' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('invalid_credentials');
    }
  });

  it('locks out an address and account after ten failed logins for 15 minutes', async () => {
    await t.admin.post('/api/v1/users', { email: 'guessed@example.com', name: 'Guessed', role: 'viewer', password: 'the-real-one' });
    for (let i = 0; i < 10; i++) {
      expect((await t.anonymous.post('/api/v1/auth/login', { email: 'guessed@example.com', password: `guess-${i}` })).status).toBe(401);
    }
    const locked = await t.anonymous.post('/api/v1/auth/login', { email: 'Guessed@example.com', password: 'the-real-one' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('rate_limited');
    // Other accounts are not affected.
    expect((await t.anonymous.post('/api/v1/auth/login', demoAdmin)).status).toBe(200);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 15 * 60_000 });
    try {
      expect((await t.anonymous.post('/api/v1/auth/login', { email: 'guessed@example.com', password: 'the-real-one' })).status).toBe(200);
    } finally {
      await t.anonymous.post('/api/v1/test/clock', { set: new Date().toISOString() });
    }
  });

  it('rejects anonymous API calls with 401 problem+json', async () => {
    const res = await t.anonymous.get('/api/v1/users');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('requires the CSRF token for writes made with a session cookie', async () => {
    const login = await t.anonymous.post('/api/v1/auth/login', demoAdmin);
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const noCsrf = t.withHeaders({ cookie });
    const wrongCsrf = t.withHeaders({ cookie, 'x-csrf-token': 'guess' });
    const body = { name: 'CSRF victim' };
    expect((await noCsrf.post('/api/v1/teams', body)).body.code).toBe('csrf_failed');
    expect((await wrongCsrf.post('/api/v1/teams', body)).status).toBe(403);
    expect((await noCsrf.get('/api/v1/teams')).status).toBe(200);
    const teams = await t.admin.get('/api/v1/teams');
    expect(teams.body.items.map((team: { name: string }) => team.name)).not.toContain('CSRF victim');
  });

  it('logs out: the cookie no longer works', async () => {
    const me = await t.login(demoAdmin.email, demoAdmin.password);
    expect((await me.get('/api/v1/auth/session')).status).toBe(200);
    expect((await me.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await me.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('expires sessions after their lifetime on the server clock', async () => {
    const me = await t.login(demoAdmin.email, demoAdmin.password);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 15 * 24 * 3600 * 1000 });
    try {
      expect((await me.get('/api/v1/auth/session')).status).toBe(401);
    } finally {
      await t.anonymous.post('/api/v1/test/clock', { set: new Date().toISOString() });
    }
  });

  it('issues personal API tokens that are stored hashed, work as Bearer, and can be revoked', async () => {
    const created = await t.admin.post('/api/v1/me/tokens', { name: 'ci' });
    expect(created.status).toBe(201);
    const { token, apiToken } = created.body;
    expect(token).toMatch(/^vgl_[\w-]{40,}$/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);

    const rows = await t.vigil.database.db.selectFrom('api_tokens').selectAll().execute();
    expect(rows.some((r) => r.token_hash === token || r.prefix === token)).toBe(false);

    const api = t.withToken(token);
    const users = await api.get('/api/v1/users');
    expect(users.status).toBe(200);
    // Tokens carry no session, so no CSRF dance for writes.
    expect((await api.post('/api/v1/teams', { name: 'Token team' })).status).toBe(201);

    const listed = await t.admin.get('/api/v1/me/tokens');
    expect(listed.body.find((x: { id: string }) => x.id === apiToken.id).lastUsedAt).not.toBeNull();

    expect((await t.admin.delete(`/api/v1/me/tokens/${apiToken.id}`)).status).toBe(204);
    const after = await api.get('/api/v1/users');
    expect(after.status).toBe(401);
    expect(after.body.detail).toMatch(/revoked/);
  });

  it('rejects malformed Authorization headers', async () => {
    const basic = await t.withHeaders({ authorization: 'Basic YWRtaW46eA==' }).get('/api/v1/users');
    expect(basic.status).toBe(401);
    const bogus = await t.withToken('vgl_not-a-real-token').get('/api/v1/users');
    expect(bogus.status).toBe(401);
  });

  it('lets an alert through with credentials meant for a proxy in front of Vigil, but not a bad API token', async () => {
    const teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const policyId = (await t.admin.get('/api/v1/escalation-policies')).body.items[0].id;
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'Behind a proxy', teamId, policyId, kind: 'webhook' });
    const url = `/api/v1/integrations/webhook?key=${monitor.body.integrationKey}`;
    const basic = await t.withHeaders({ authorization: 'Basic cHJveHk6c2VjcmV0' }).post(url, { title: 'Disk full' });
    expect(basic.status).toBe(202);
    const incidents = await t.admin.get(`/api/v1/incidents?monitorId=${monitor.body.id}`);
    expect(incidents.body.items.map((i: { title: string }) => i.title)).toEqual(['Disk full']);
    const badToken = await t.withToken('vgl_not-a-real-token').post(url, { title: 'Disk full' });
    expect(badToken.status).toBe(401);
  });
});
