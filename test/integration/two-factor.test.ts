import { expect, it } from 'vitest';
import { SecretBox } from '../../src/security/secret-box.js';
import { totpCode } from '../../src/security/totp.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp, type Caller } from '../support/test-app.js';

// A frozen clock makes authenticator codes predictable; each step moves it 30 s on so no code repeats.
describeEachDatabase('two-factor login', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-06-01T09:00:00.000Z' });
  const nextCode = async (secret: string) => {
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 30_000 });
    return totpCode(secret, t.vigil.clock.now());
  };

  async function userWithTwoFactor(email: string) {
    const password = 'correct horse battery';
    expect((await t.admin.post('/api/v1/users', { email, name: email, role: 'responder', password })).status).toBe(201);
    const me = await t.login(email, password);
    const started = await me.post('/api/v1/me/two-factor', { password });
    expect(started.status).toBe(201);
    const { secret, otpauthUri } = started.body as { secret: string; otpauthUri: string };
    expect(otpauthUri).toBe(`otpauth://totp/Vigil:${encodeURIComponent(email)}?secret=${secret}&issuer=Vigil`);
    expect((await me.post('/api/v1/me/two-factor/confirm', { code: '000000' })).body.code).toBe('invalid_second_factor');
    const confirmed = await me.post('/api/v1/me/two-factor/confirm', { code: await nextCode(secret) });
    expect(confirmed.status).toBe(200);
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    return { me, password, secret, recoveryCodes };
  }

  const loginFirstStep = (email: string, password: string) => t.anonymous.post('/api/v1/auth/login', { email, password });
  const sessionOf = (res: { headers: Record<string, unknown>; body: { csrfToken: string } }): Caller => {
    const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
    return t.withHeaders({ cookie, 'x-csrf-token': res.body.csrfToken });
  };

  it('enrols, then a password login needs a code from the app or a recovery code, each usable once', async () => {
    const { me, password, secret, recoveryCodes } = await userWithTwoFactor('totp-user@example.com');
    expect((await me.get('/api/v1/me/two-factor')).body).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });

    const first = await loginFirstStep('totp-user@example.com', password);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ secondFactorRequired: true, challenge: expect.stringMatching(/^2fa_/) });
    expect(first.headers['set-cookie']).toBeUndefined();

    const wrong = await t.anonymous.post('/api/v1/auth/login/second-factor', { challenge: first.body.challenge, code: '123456' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'invalid_second_factor', errors: [{ path: '/body/code' }] });

    const code = await nextCode(secret);
    const done = await t.anonymous.post('/api/v1/auth/login/second-factor', { challenge: first.body.challenge, code });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ user: { email: 'totp-user@example.com' }, mustEnrolTwoFactor: false });
    expect((await sessionOf(done).get('/api/v1/auth/session')).status).toBe(200);
    // The challenge is spent, and the same code does not open a second login.
    expect((await t.anonymous.post('/api/v1/auth/login/second-factor', { challenge: first.body.challenge, code })).status).toBe(401);
    const again = await loginFirstStep('totp-user@example.com', password);
    expect((await t.anonymous.post('/api/v1/auth/login/second-factor', { challenge: again.body.challenge, code })).body.code).toBe('invalid_second_factor');

    const recovery = recoveryCodes[0] ?? '';
    const viaRecovery = await t.anonymous.post('/api/v1/auth/login/second-factor', { challenge: again.body.challenge, code: recovery.toLowerCase() });
    expect(viaRecovery.status).toBe(200);
    expect((await me.get('/api/v1/me/two-factor')).body.recoveryCodesLeft).toBe(9);
    const third = await loginFirstStep('totp-user@example.com', password);
    expect((await t.anonymous.post('/api/v1/auth/login/second-factor', { challenge: third.body.challenge, code: recovery })).status).toBe(401);
  });

  it('gives a challenge five tries, then the password is needed again', async () => {
    const { password, secret } = await userWithTwoFactor('five-tries@example.com');
    const first = await loginFirstStep('five-tries@example.com', password);
    for (let i = 0; i < 5; i++) {
      expect((await t.anonymous.post('/api/v1/auth/login/second-factor', { challenge: first.body.challenge, code: `00000${i}` })).status).toBe(401);
    }
    const late = await t.anonymous.post('/api/v1/auth/login/second-factor', { challenge: first.body.challenge, code: await nextCode(secret) });
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('unauthenticated');
  });

  it('stores the secret sealed and the recovery codes hashed', async () => {
    const { secret, recoveryCodes } = await userWithTwoFactor('stored@example.com');
    const { db } = t.vigil.database;
    const user = await db.selectFrom('users').select('id').where('email', '=', 'stored@example.com').executeTakeFirstOrThrow();
    const row = await db.selectFrom('user_totp').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.secret_encrypted).not.toContain(secret);
    const codes = await db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
    expect(codes).toHaveLength(10);
    for (const { code_hash } of codes) for (const code of recoveryCodes) expect(code_hash).not.toContain(code.replace('-', ''));
  });

  it('answers 401, not 500, for a secret sealed under another VIGIL_SECRET', async () => {
    const { password, secret } = await userWithTwoFactor('moved@example.com');
    const { db } = t.vigil.database;
    const user = await db.selectFrom('users').select('id').where('email', '=', 'moved@example.com').executeTakeFirstOrThrow();
    const foreign = new SecretBox('another-server-secret-another-server-secret', 'totp-secret').seal(secret);
    await db.updateTable('user_totp').set({ secret_encrypted: foreign }).where('user_id', '=', user.id).execute();
    const first = await loginFirstStep('moved@example.com', password);
    const res = await t.anonymous.post('/api/v1/auth/login/second-factor', { challenge: first.body.challenge, code: await nextCode(secret) });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_second_factor');
  });

  it('turns off only with the password and a code, and refuses bad input with field paths', async () => {
    const { me, password, secret } = await userWithTwoFactor('disable@example.com');
    const badPassword = await me.post('/api/v1/me/two-factor/disable', { password: 'wrong-password', code: await nextCode(secret) });
    expect(badPassword.status).toBe(401);
    expect(badPassword.body.errors).toEqual([{ path: '/body/password', message: 'is wrong' }]);
    const missing = await me.post('/api/v1/me/two-factor/disable', { password });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/body/code' })]));
    expect((await me.post('/api/v1/me/two-factor', { password })).body.code).toBe('two_factor_enabled');
    expect((await me.post('/api/v1/me/two-factor/disable', { password, code: await nextCode(secret) })).status).toBe(204);
    const plain = await loginFirstStep('disable@example.com', password);
    expect(plain.body.user.email).toBe('disable@example.com');
  });

  it('lets owners require two-factor: a login without it may only set it up', async () => {
    expect((await t.admin.put('/api/v1/settings/two-factor', { required: true })).status).toBe(200);
    try {
      await t.admin.post('/api/v1/users', { email: 'late@example.com', name: 'Late', role: 'admin', password: 'correct horse battery' });
      const lateAdmin = await t.login('late@example.com', 'correct horse battery');
      expect((await lateAdmin.put('/api/v1/settings/two-factor', { required: false })).body.code).toBe('two_factor_enrolment_required');
      const session = await lateAdmin.get('/api/v1/auth/session');
      expect(session.body.mustEnrolTwoFactor).toBe(true);
      expect((await lateAdmin.get('/api/v1/users')).body.code).toBe('two_factor_enrolment_required');
      const started = await lateAdmin.post('/api/v1/me/two-factor', { password: 'correct horse battery' });
      expect((await lateAdmin.post('/api/v1/me/two-factor/confirm', { code: await nextCode(started.body.secret) })).status).toBe(200);
      expect((await lateAdmin.get('/api/v1/users')).status).toBe(200);
      // Only owners change the setting, and nobody turns two-factor off while it is required.
      expect((await lateAdmin.put('/api/v1/settings/two-factor', { required: false })).body.code).toBe('forbidden');
      const off = await lateAdmin.post('/api/v1/me/two-factor/disable', { password: 'correct horse battery', code: await nextCode(started.body.secret) });
      expect(off.body.code).toBe('forbidden');
    } finally {
      await t.admin.put('/api/v1/settings/two-factor', { required: false });
    }
  });

  it("lets an admin reset a user's two-factor after a lost phone; the user cannot bypass it so", async () => {
    const { me, password } = await userWithTwoFactor('lost-phone@example.com');
    const users = await t.admin.get('/api/v1/users?limit=200');
    const target = (users.body.items as { id: string; email: string }[]).find((u) => u.email === 'lost-phone@example.com');
    expect((await me.delete(`/api/v1/users/${target?.id}/two-factor`)).body.code).toBe('forbidden');
    expect((await t.admin.delete(`/api/v1/users/${target?.id}/two-factor`)).status).toBe(204);
    expect((await loginFirstStep('lost-phone@example.com', password)).body.user).toBeDefined();
  });
});
