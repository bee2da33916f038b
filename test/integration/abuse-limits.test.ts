import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp, type Caller } from '../support/test-app.js';

describeEachDatabase('abuse limits', (dialect) => {
  const t = useTestApp(dialect);
  let n = 0;

  async function account(role: string): Promise<{ id: string; as: Caller }> {
    n += 1;
    const email = `limits-${n}@example.com`;
    const id = (await t.admin.post('/api/v1/users', { email, name: `Limits ${n}`, role, password: 'limits-password' })).body.id;
    return { id, as: await t.login(email, 'limits-password') };
  }

  it('keeps viewers from making Vigil send requests: no webhook or Slack methods, no tests', async () => {
    const viewer = await account('viewer');
    for (const kind of ['webhook', 'slack']) {
      const res = await viewer.as.post(`/api/v1/users/${viewer.id}/contact-methods`, { kind, address: 'https://hooks.example.com/v' });
      expect(res.status).toBe(403);
    }
    const email = await viewer.as.post(`/api/v1/users/${viewer.id}/contact-methods`, { kind: 'email', address: 'viewer@example.com' });
    expect(email.status).toBe(201);
    expect((await viewer.as.post(`/api/v1/users/${viewer.id}/contact-methods/${email.body.id}/test`)).status).toBe(403);
  });

  it('allows five test sends per contact method in 15 minutes, then 429 with Retry-After', async () => {
    const me = await account('responder');
    const method = (await me.as.post(`/api/v1/users/${me.id}/contact-methods`, { kind: 'webhook', address: 'https://hooks.example.com/t' })).body.id;
    for (let i = 0; i < 5; i++) expect((await me.as.post(`/api/v1/users/${me.id}/contact-methods/${method}/test`)).status).toBe(202);
    const refused = await me.as.post(`/api/v1/users/${me.id}/contact-methods/${method}/test`);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(900);
  });

  it('does not give five more guesses with each new verification code, and limits resends', async () => {
    const me = await account('responder');
    const url = `/api/v1/users/${me.id}/contact-methods`;
    const method = (await me.as.post(url, { kind: 'email', address: 'me@example.com' })).body.id;
    const verify = () => me.as.post(`${url}/${method}/verify`, { code: '000000' });
    for (let i = 0; i < 5; i++) expect((await verify()).body.errors[0].message).toBe('is not the code that was sent');
    expect((await verify()).body.errors[0].message).toContain('wrong five times');
    expect((await me.as.post(`${url}/${method}/send-verification`)).status).toBe(200);
    const after = await verify();
    expect(after.body.errors).toEqual([{ path: '/body/code', message: expect.stringContaining('wrong five times') }]);
    for (let i = 0; i < 4; i++) expect((await me.as.post(`${url}/${method}/send-verification`)).status).toBe(200);
    const sixth = await me.as.post(`${url}/${method}/send-verification`);
    expect(sixth.status).toBe(429);
    expect(sixth.headers['retry-after']).toBeDefined();

    // Once the code has expired, a new one starts a new count.
    await t.admin.post('/api/v1/test/clock', { advanceMs: 16 * 60_000 });
    expect((await me.as.post(`${url}/${method}/send-verification`)).status).toBe(200);
    expect((await verify()).body.errors[0].message).toBe('is not the code that was sent');
  });

  // Last: it uses up this address's failed logins.
  it('limits failed logins per address across accounts (password spraying), with Retry-After', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await t.anonymous.post('/api/v1/auth/login', { email: `sprayed-${i}@example.com`, password: 'Summer2026!' });
      expect(res.status).toBe(401);
    }
    const refused = await t.anonymous.post('/api/v1/auth/login', { email: 'sprayed-31@example.com', password: 'Summer2026!' });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
