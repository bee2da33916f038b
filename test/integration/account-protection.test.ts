import { expect, it } from 'vitest';
import { demoAdmin } from '../support/demo-admin.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp, type Caller } from '../support/test-app.js';

describeEachDatabase('account protection', (dialect) => {
  const t = useTestApp(dialect);
  let n = 0;

  async function account(role: string, password = 'first-password'): Promise<{ id: string; email: string; as: Caller }> {
    n += 1;
    const email = `protected-${n}@example.com`;
    const created = await t.admin.post('/api/v1/users', { email, name: `Person ${n}`, role, password });
    expect(created.status).toBe(201);
    return { id: created.body.id, email, as: await t.login(email, password) };
  }

  it("keeps an owner's password, role, profile and contact methods out of an admin's reach", async () => {
    const owner = await account('owner');
    const admin = await account('admin');
    for (const body of [{ password: 'taken-over-1' }, { role: 'viewer' }, { name: 'Renamed' }]) {
      const res = await admin.as.patch(`/api/v1/users/${owner.id}`, body);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect((await admin.as.post(`/api/v1/users/${owner.id}/contact-methods`, { kind: 'email', address: 'attacker@example.com' })).status).toBe(403);
    const method = await owner.as.post(`/api/v1/users/${owner.id}/contact-methods`, { kind: 'webhook', address: 'https://hooks.example.com/owner' });
    expect(method.status).toBe(201);
    expect(method.body.signingSecret).toEqual(expect.any(String));
    expect((await admin.as.delete(`/api/v1/users/${owner.id}/contact-methods/${method.body.id}?force=true`)).status).toBe(403);
    // Admins still see how an owner is reached, but not the secret that signs their webhook.
    const seen = await admin.as.get(`/api/v1/users/${owner.id}/contact-methods`);
    expect(seen.status).toBe(200);
    expect(seen.body[0].signingSecret).toBeUndefined();
    // Another owner may.
    expect((await t.admin.patch(`/api/v1/users/${owner.id}`, { password: 'reset-by-owner' })).status).toBe(200);
    await t.login(owner.email, 'reset-by-owner');
  });

  it('asks for the current password to change your own, with the field path when it is missing or wrong', async () => {
    const me = await account('responder');
    const missing = await me.as.patch(`/api/v1/users/${me.id}`, { password: 'second-password' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: '/body/currentPassword', message: expect.stringContaining('required') }]);
    const wrong = await me.as.patch(`/api/v1/users/${me.id}`, { password: 'second-password', currentPassword: 'not-it' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: '/body/currentPassword', message: 'is not your current password' }]);
    await t.login(me.email, 'first-password');
    // Other fields need no password.
    expect((await me.as.patch(`/api/v1/users/${me.id}`, { name: 'Still me' })).status).toBe(200);
  });

  it("ends the user's other sessions and revokes their API tokens on a password change, unless told to keep the tokens", async () => {
    const me = await account('responder');
    const laptop = await t.login(me.email, 'first-password');
    const token = (await me.as.post('/api/v1/me/tokens', { name: 'script' })).body.token as string;
    expect((await t.withToken(token).get('/api/v1/users')).status).toBe(200);

    const changed = await me.as.patch(`/api/v1/users/${me.id}`, { password: 'second-password', currentPassword: 'first-password' });
    expect(changed.status).toBe(200);
    expect((await me.as.get('/api/v1/users')).status).toBe(200);
    expect((await laptop.get('/api/v1/users')).status).toBe(401);
    expect((await t.withToken(token).get('/api/v1/users')).status).toBe(401);

    const kept = (await me.as.post('/api/v1/me/tokens', { name: 'kept' })).body.token as string;
    expect((await me.as.patch(`/api/v1/users/${me.id}`, { password: 'third-password', currentPassword: 'second-password', revokeTokens: false })).status).toBe(200);
    expect((await t.withToken(kept).get('/api/v1/users')).status).toBe(200);
  });

  it("an admin's reset of someone else's password needs no current password and ends all of their sessions and tokens", async () => {
    const user = await account('responder');
    const token = (await user.as.post('/api/v1/me/tokens', { name: 'script' })).body.token as string;
    expect((await t.admin.patch(`/api/v1/users/${user.id}`, { password: 'reset-password' })).status).toBe(200);
    expect((await user.as.get('/api/v1/users')).status).toBe(401);
    expect((await t.withToken(token).get('/api/v1/users')).status).toBe(401);
    await t.login(user.email, 'reset-password');
    // The demo owner's own session is untouched by all this.
    expect((await t.login(demoAdmin.email, demoAdmin.password)).get).toBeDefined();
  });
});
