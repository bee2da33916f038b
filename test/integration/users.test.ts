import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp, type Caller } from '../support/test-app.js';

describeEachDatabase('users API', (dialect) => {
  const t = useTestApp(dialect);

  async function createUser(as: Caller, fields: Record<string, unknown>) {
    return as.post('/api/v1/users', { name: 'Someone', role: 'responder', password: 'long-enough', ...fields });
  }

  it('creates, reads, updates and deletes a user', async () => {
    const created = await createUser(t.admin, { email: 'New.Person@Example.com', name: 'New Person', timeZone: 'Asia/Tokyo' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new.person@example.com', name: 'New Person', role: 'responder', timeZone: 'Asia/Tokyo' });
    const id = created.body.id;
    expect((await t.admin.get(`/api/v1/users/${id}`)).body.name).toBe('New Person');

    const patched = await t.admin.patch(`/api/v1/users/${id}`, { name: 'Renamed', role: 'viewer' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Renamed', role: 'viewer' });

    expect((await t.admin.delete(`/api/v1/users/${id}`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/users/${id}`)).status).toBe(404);
    expect((await t.admin.delete(`/api/v1/users/${id}`)).body.code).toBe('not_found');
  });

  it('the new user can log in with the password it was given', async () => {
    await createUser(t.admin, { email: 'login-me@example.com' });
    const me = await t.login('login-me@example.com', 'long-enough');
    expect((await me.get('/api/v1/auth/session')).body.user.email).toBe('login-me@example.com');
  });

  it('reports every invalid field with its path, and writes nothing', async () => {
    const before = (await t.admin.get('/api/v1/users?limit=200')).body.items.length;
    const res = await t.admin.post('/api/v1/users', { email: 'not-an-email', role: 'superuser', password: 'short', timeZone: 'Mars/Olympus', color: 'red' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/body/email', '/body/name', '/body/role', '/body/password', '/body/timeZone', '/body/color']),
    );
    expect((await t.admin.get('/api/v1/users?limit=200')).body.items.length).toBe(before);
  });

  it('answers 409 with the field for a duplicate email, case-insensitively', async () => {
    await createUser(t.admin, { email: 'dup@example.com' });
    const res = await createUser(t.admin, { email: 'DUP@example.com' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('email_taken');
    expect(res.body.errors).toEqual([{ path: '/body/email', message: expect.any(String) }]);
  });

  it('rejects malformed JSON, wrong content types and bad ids with 4xx, never 500', async () => {
    const malformed = await t.withHeaders({ 'content-type': 'application/json', ...(await tokenHeader(t.admin)) }).post('/api/v1/users', '{"email": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('validation_failed');
    const text = await t.vigil.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'content-type': 'application/xml', ...(await tokenHeader(t.admin)) },
      payload: '<user/>',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('unsupported_media_type');
    const badId = await t.admin.get('/api/v1/users/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].path).toBe('/params/id');
  });

  it('pages through users with an opaque cursor', async () => {
    for (let i = 0; i < 5; i++) await createUser(t.admin, { email: `page${i}@example.com` });
    const seen: string[] = [];
    let url = '/api/v1/users?limit=2';
    for (;;) {
      const res = await t.admin.get(url);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((u: { id: string }) => u.id));
      if (!res.body.nextCursor) break;
      url = `/api/v1/users?limit=2&cursor=${res.body.nextCursor}`;
    }
    const all = (await t.admin.get('/api/v1/users?limit=200')).body.items.map((u: { id: string }) => u.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);

    const bad = await t.admin.get('/api/v1/users?cursor=garbage');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('/querystring/cursor');
    expect((await t.admin.get('/api/v1/users?limit=0')).body.errors[0].path).toBe('/querystring/limit');
  });

  it('lets responders edit only their own profile, never their role', async () => {
    await createUser(t.admin, { email: 'resp@example.com', role: 'responder' });
    const other = await createUser(t.admin, { email: 'other@example.com', role: 'responder' });
    const me = await t.login('resp@example.com', 'long-enough');
    const self = (await me.get('/api/v1/auth/session')).body.user;
    expect((await me.patch(`/api/v1/users/${self.id}`, { name: 'Me Renamed' })).status).toBe(200);
    expect((await me.patch(`/api/v1/users/${self.id}`, { role: 'admin' })).status).toBe(403);
    expect((await me.patch(`/api/v1/users/${other.body.id}`, { name: 'Hacked' })).status).toBe(403);
    expect((await createUser(me, { email: 'nope@example.com' })).status).toBe(403);
    expect((await me.delete(`/api/v1/users/${other.body.id}`)).body.code).toBe('forbidden');
    expect((await t.admin.get(`/api/v1/users/${other.body.id}`)).body.name).toBe('Someone');
  });

  it('keeps owner powers with owners and never loses the last owner', async () => {
    await createUser(t.admin, { email: 'adm@example.com', role: 'admin' });
    const admin = await t.login('adm@example.com', 'long-enough');
    expect((await createUser(admin, { email: 'own2@example.com', role: 'owner' })).status).toBe(403);
    expect((await createUser(admin, { email: 'viewer2@example.com', role: 'viewer' })).status).toBe(201);

    const owner = (await t.admin.get('/api/v1/auth/session')).body.user;
    expect((await t.admin.patch(`/api/v1/users/${owner.id}`, { role: 'admin' })).body.code).toBe('last_owner');
    expect((await t.admin.delete(`/api/v1/users/${owner.id}`)).body.code).toBe('cannot_delete_self');
    expect((await admin.delete(`/api/v1/users/${owner.id}`)).status).toBe(403);
    expect((await t.admin.get(`/api/v1/users/${owner.id}`)).body.role).toBe('owner');
  });

  it('lets viewers read but not write', async () => {
    await createUser(t.admin, { email: 'view@example.com', role: 'viewer' });
    const viewer = await t.login('view@example.com', 'long-enough');
    expect((await viewer.get('/api/v1/users')).status).toBe(200);
    expect((await createUser(viewer, { email: 'x@example.com' })).status).toBe(403);
  });
});

async function tokenHeader(admin: Caller): Promise<Record<string, string>> {
  const res = await admin.post('/api/v1/me/tokens', { name: 'raw requests' });
  return { authorization: `Bearer ${res.body.token}` };
}
