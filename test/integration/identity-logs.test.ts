import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadOidcConfig } from '../../src/app/oidc-config.js';
import { createLogger } from '../../src/app/logger.js';
import { demoAdmin } from '../support/demo-admin.js';
import { startVigil, type Vigil } from '../../src/app/start.js';
import { totpCode } from '../../src/security/totp.js';
import { createTestDatabase, describeEachDatabase } from '../support/databases.js';
import { startOidcIssuer, type OidcIssuer } from '../support/oidc-issuer.js';
import { testConfig } from '../support/test-app.js';

// Every line the server logs at trace level, through the production logger's redaction
// and serializers, is searched for the secrets of a two-factor and a single sign-on login.
describeEachDatabase('identity secrets never reach the log', (dialect) => {
  const lines: string[] = [];
  let vigil: Vigil;
  let issuer: OidcIssuer;
  let drop: () => Promise<void>;
  const callback = 'http://127.0.0.1:8080/api/v1/auth/oidc/callback';

  beforeAll(async () => {
    issuer = await startOidcIssuer(callback);
    const database = await createTestDatabase(dialect);
    drop = database.drop;
    const oidc = loadOidcConfig({ VIGIL_OIDC_ISSUER: issuer.issuer, VIGIL_OIDC_CLIENT_ID: issuer.clientId, VIGIL_OIDC_CLIENT_SECRET: issuer.clientSecret }).config;
    vigil = await startVigil({ ...testConfig(database.url), logLevel: 'trace', oidc }, createLogger('trace', { write: (line: string) => void lines.push(line) }), {
      frozenAt: Date.parse('2026-06-01T09:00:00.000Z'),
    });
  });
  afterAll(async () => {
    await vigil?.stop();
    await drop?.();
    await issuer?.close();
  });

  const call = async (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) => {
    const res = await vigil.app.inject({ method, url, headers, ...(payload && { payload }) });
    return { res, body: res.body ? (res.json() as Record<string, unknown>) : {} };
  };

  it('keeps the TOTP secret, codes, recovery codes, challenge, authorization code and client secret out of every line', async () => {
    const secrets: string[] = [issuer.clientSecret];
    const login = await call('POST', '/api/v1/auth/login', {}, demoAdmin);
    const cookie = `vigil_session=${login.res.cookies.find((c) => c.name === 'vigil_session')?.value}`;
    const headers = { cookie, 'x-csrf-token': String(login.body.csrfToken) };
    const started = await call('POST', '/api/v1/me/two-factor', headers, { password: demoAdmin.password });
    const secret = String(started.body.secret);
    const firstCode = totpCode(secret, vigil.clock.now());
    const confirmed = await call('POST', '/api/v1/me/two-factor/confirm', headers, { code: firstCode });
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    const second = await call('POST', '/api/v1/auth/login', {}, demoAdmin);
    const challenge = String(second.body.challenge);
    const done = await call('POST', '/api/v1/auth/login/second-factor', {}, { challenge, code: recoveryCodes[0] });
    expect(done.res.statusCode).toBe(200);
    secrets.push(secret, challenge, ...recoveryCodes, ...recoveryCodes.map((c) => c.replace('-', '')), demoAdmin.password);

    issuer.signInAs({ sub: 'logs-1', email: 'logs@example.com', email_verified: true, name: 'Logs', groups: [] });
    const start = await vigil.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    const pending = start.cookies.find((c) => c.name === 'vigil_oidc')?.value ?? '';
    const back = await issuer.authorize(String(start.headers.location), callback);
    const sso = await vigil.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: `vigil_oidc=${pending}` } });
    expect(sso.headers.location).toBe('/');
    secrets.push(back.searchParams.get('code') ?? 'missing-code', pending, sso.cookies.find((c) => c.name === 'vigil_session')?.value ?? 'missing');

    const log = lines.join('');
    expect(log).toContain('/api/v1/auth/oidc/callback'); // the requests were logged, just not their secrets
    for (const s of secrets) expect(log).not.toContain(s);
  });
});
