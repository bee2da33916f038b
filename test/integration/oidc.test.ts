import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadOidcConfig } from '../../src/app/oidc-config.js';
import { describeEachDatabase } from '../support/databases.js';
import { demoAdmin } from '../support/demo-admin.js';
import { startOidcIssuer, type OidcIssuer, type TestAccount } from '../support/oidc-issuer.js';
import { useTestApp } from '../support/test-app.js';

const baseUrl = 'http://127.0.0.1:8080';
const callback = `${baseUrl}/api/v1/auth/oidc/callback`;

describeEachDatabase('single sign-on with OpenID Connect', (dialect) => {
  let issuer: OidcIssuer;
  beforeAll(async () => {
    issuer = await startOidcIssuer(callback);
  });
  afterAll(() => issuer?.close());
  const t = useTestApp(dialect, {
    config: () => ({
      oidc: loadOidcConfig({
        VIGIL_OIDC_ISSUER: issuer.issuer,
        VIGIL_OIDC_CLIENT_ID: issuer.clientId,
        VIGIL_OIDC_CLIENT_SECRET: issuer.clientSecret,
        VIGIL_OIDC_SCOPES: 'openid email profile groups',
        VIGIL_OIDC_LABEL: 'Log in with Test IdP',
        VIGIL_OIDC_ROLES: 'vigil-admins=admin,oncall=responder',
        VIGIL_OIDC_TEAMS: 'sre=Platform,dba=Database',
        VIGIL_OIDC_ONLY: '1',
      }).config,
    }),
  });

  const inject = (url: string, cookie?: string) => t.vigil.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const cookieOf = (res: Awaited<ReturnType<typeof inject>>, name: string) => res.cookies.find((c) => c.name === name);

  /** The browser's round trip: Vigil → provider (auto login) → Vigil's callback. */
  async function startLogin() {
    const start = await inject('/api/v1/auth/oidc/start');
    expect(start.statusCode).toBe(302);
    const pending = cookieOf(start, 'vigil_oidc');
    expect(pending).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc' });
    const authorize = new URL(String(start.headers.location));
    expect(authorize.origin).toBe(issuer.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    return { authorize: authorize.href, pendingCookie: `vigil_oidc=${pending?.value}` };
  }
  async function login(account: TestAccount) {
    issuer.signInAs(account);
    const { authorize, pendingCookie } = await startLogin();
    const back = await issuer.authorize(authorize, callback);
    const done = await inject(back.pathname + back.search, pendingCookie);
    return done;
  }
  const sessionCaller = (res: Awaited<ReturnType<typeof inject>>) => `vigil_session=${cookieOf(res, 'vigil_session')?.value}`;
  const ann: TestAccount = { sub: 'ann-0001', email: 'ann.sso@example.com', email_verified: true, name: 'Ann Single-Sign-On', groups: ['oncall', 'sre'] };

  it('tells the login page how to log in', async () => {
    const res = await t.anonymous.get('/api/v1/auth/methods');
    expect(res.body).toEqual({ password: false, sso: { label: 'Log in with Test IdP', startUrl: '/api/v1/auth/oidc/start' } });
  });

  it('creates the user on first login with the mapped role and teams, and updates them on the next', async () => {
    const first = await login(ann);
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('/');
    const cookie = sessionCaller(first);
    const session = await inject('/api/v1/auth/session', cookie);
    expect(session.statusCode).toBe(200);
    const user = session.json<{ user: { id: string; email: string; name: string; role: string } }>().user;
    expect(user).toMatchObject({ email: 'ann.sso@example.com', name: 'Ann Single-Sign-On', role: 'responder' });

    const teams = async () => {
      const list = (await t.admin.get('/api/v1/teams?limit=200')).body.items as { id: string; name: string }[];
      const mine: string[] = [];
      for (const team of list) {
        const detail = await t.admin.get(`/api/v1/teams/${team.id}`);
        if ((detail.body.members as { userId: string }[]).some((m) => m.userId === user.id)) mine.push(team.name);
      }
      return mine.sort();
    };
    expect(await teams()).toEqual(['Platform']);

    const second = await login({ ...ann, name: 'Ann Renamed', groups: ['vigil-admins', 'dba'] });
    const again = (await inject('/api/v1/auth/session', sessionCaller(second))).json<{ user: { id: string; role: string } }>().user;
    expect(again).toMatchObject({ id: user.id, role: 'admin' });
    // Database did not exist: the mapping creates it; Platform is managed by the mapping, so Ann leaves it.
    expect(await teams()).toEqual(['Database']);
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { email: string }[];
    expect(users.filter((u) => u.email === 'ann.sso@example.com')).toHaveLength(1);
  });

  it('does not let a single sign-on session give its account a password', async () => {
    const res = await login({ ...ann, sub: 'ann-password-attempt', email: 'ann.nopassword@example.com' });
    const cookie = sessionCaller(res);
    const session = (await inject('/api/v1/auth/session', cookie)).json<{ user: { id: string; hasPassword: boolean }; csrfToken: string }>();
    // The profile page hides its password form on this flag.
    expect(session.user.hasPassword).toBe(false);
    const attempt = await t.vigil.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${session.user.id}`,
      headers: { cookie, 'x-csrf-token': session.csrfToken },
      payload: { password: 'a-password-of-my-own' },
    });
    expect(attempt.statusCode).toBe(400);
    expect(attempt.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(['/body/password']);
    const set = await t.admin.patch(`/api/v1/users/${session.user.id}`, { password: 'set-by-an-admin' });
    expect(set.status).toBe(200);
    expect(set.body.hasPassword).toBe(true);
  });

  it('refuses a callback whose state belongs to another login, or with no login under way', async () => {
    issuer.signInAs({ ...ann, sub: 'mallory-1', email: 'mallory@example.com' });
    const mine = await startLogin();
    const theirs = await startLogin();
    const back = await issuer.authorize(theirs.authorize, callback);
    const crossed = await inject(back.pathname + back.search, mine.pendingCookie);
    expect(crossed.statusCode).toBe(302);
    expect(crossed.headers.location).toBe('/login?ssoError=rejected');
    expect(cookieOf(crossed, 'vigil_session')).toBeUndefined();
    const bare = await inject(back.pathname + back.search);
    expect(bare.headers.location).toBe('/login?ssoError=no_pending_login');
    expect(cookieOf(bare, 'vigil_session')).toBeUndefined();
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { email: string }[];
    expect(users.some((u) => u.email === 'mallory@example.com')).toBe(false);
  });

  it('does not take over a password account whose email the provider does not vouch for', async () => {
    await t.admin.post('/api/v1/users', { email: 'owned@example.com', name: 'Owned', role: 'viewer', password: 'a-long-password' });
    const res = await login({ ...ann, sub: 'evil-2', email: 'owned@example.com', email_verified: false });
    expect(res.headers.location).toBe('/login?ssoError=email_not_verified');
  });

  it('with VIGIL_OIDC_ONLY refuses password logins except for owners', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', { email: 'owned@example.com', password: 'a-long-password' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('password_login_disabled');
    expect((await t.anonymous.post('/api/v1/auth/login', demoAdmin)).status).toBe(200);
  });
});
