import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { setStatusPageLogo } from '../../src/store/status-pages.js';
import { describeEachDatabase } from '../support/databases.js';
import { demoAdmin } from '../support/demo-admin.js';
import { useTestApp } from '../support/test-app.js';

const NOW = '2026-03-02T12:00:00.000Z';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describeEachDatabase('public status pages', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: NOW });
  let teamId = '';
  let pageId = '';
  let componentId = '';

  /** A raw request, for headers and bodies the JSON callers do not give. */
  const raw = (url: string, headers: Record<string, string> = {}, method: 'GET' | 'POST' = 'GET', payload?: string) =>
    t.vigil.app.inject({ method, url, headers, ...(payload !== undefined && { payload }) });

  beforeAll(async () => {
    teamId = (await t.admin.get('/api/v1/teams')).body.items?.[0]?.id ?? (await t.admin.get('/api/v1/teams')).body[0].id;
    const monitors = (await t.admin.get('/api/v1/monitors')).body;
    const monitor = (monitors.items ?? monitors).find((m: { name: string }) => m.name === 'Demo API');
    const created = await t.admin.post('/api/v1/status-pages', { teamId, name: 'Acme', slug: 'acme', timeZone: 'America/Chicago', accentColor: '#ffd43b', access: 'public' });
    expect(created.status).toBe(201);
    pageId = created.body.id;
    const layout = await t.admin.put(`/api/v1/status-pages/${pageId}/layout`, {
      sections: [
        {
          name: 'Core',
          components: [
            { name: 'Public API', monitorIds: [monitor.id] },
            { name: 'Docs site', monitorIds: [], manualState: 'degraded_performance' },
          ],
        },
      ],
    });
    expect(layout.status).toBe(200);
    componentId = (await t.admin.get(`/api/v1/status-pages/${pageId}/layout`)).body.sections[0].components[0].id;
  });

  it('serves the page as HTML anyone can cache briefly, with no private names and no scripts', async () => {
    const res = await raw('/status/acme');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=15');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-robots-tag']).toBeUndefined();
    expect(res.body).toContain('Public API');
    expect(res.body).toContain('<span class="state s-degraded_performance">Degraded performance</span>');
    expect(res.body).toContain('Some systems degraded');
    expect(res.body).not.toContain('Demo API');
    expect(res.body).not.toContain('Platform');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body.match(/class="day /g)).toHaveLength(180);
    // Subscribers' form and feeds (no SMTP server in tests: no email form).
    expect(res.body).toContain('<form method="post" action="/status/acme/subscribe"');
    expect(res.body).toContain('href="/status/acme/feed.atom"');
    expect(res.body).not.toContain('type="email"');
    // HEAD answers the same headers.
    expect((await t.vigil.app.inject({ method: 'HEAD', url: '/status/acme' })).statusCode).toBe(200);
  });

  it('compresses by Accept-Encoding and answers 304 to a known ETag', async () => {
    const plain = await raw('/status/acme');
    const br = await raw('/status/acme', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
    const gz = await raw('/status/acme', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const etag = String(plain.headers['etag']);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await raw('/status/acme', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['etag']).toBe(etag);
  });

  it('answers 404 as a page, never the web UI, for unknown pages and paths', async () => {
    for (const url of ['/status/nope', '/status/acme/nope', '/status/acme/incidents/nope', '/status', '/status/nope/summary.json']) {
      const res = await raw(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(res.body, url).toContain('Status page not found');
    }
  });

  it('serves summary.json in the shape of statuspage.io, to any origin', async () => {
    const res = await raw('/status/acme/summary.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const body = res.json();
    expect(body.page).toMatchObject({ id: pageId, name: 'Acme', url: 'http://127.0.0.1:8080/status/acme', time_zone: 'America/Chicago' });
    expect(body.status).toEqual({ indicator: 'minor', description: 'Minor Service Outage' });
    expect(body.components.map((c: { name: string; status: string; group: boolean }) => [c.name, c.status, c.group])).toEqual([
      ['Core', 'degraded_performance', true],
      ['Public API', 'operational', false],
      ['Docs site', 'degraded_performance', false],
    ]);
    expect(body.incidents).toEqual([]);
    expect(body.scheduled_maintenances).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('Demo API');
  });

  it('shows a published update on the next request, and its own page with the history', async () => {
    const before = await raw('/status/acme');
    const published = await t.admin.post(`/api/v1/status-pages/${pageId}/incidents`, { title: 'Slow <API>', status: 'investigating', body: 'Looking into it', componentIds: [componentId] });
    expect(published.status).toBe(201);
    const sid = published.body.id;
    const after = await raw('/status/acme', { 'if-none-match': String(before.headers['etag']) });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Active incidents');
    expect(after.body).toContain(`<a href="/status/acme/incidents/${sid}">Slow &#60;API&#62;</a>`);
    const one = await raw(`/status/acme/incidents/${sid}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('<h1>Slow &#60;API&#62;</h1>');
    expect(one.body).toContain('Looking into it');
    const summary = (await raw('/status/acme/summary.json')).json();
    expect(summary.incidents).toMatchObject([{ id: sid, name: 'Slow <API>', status: 'investigating', components: [{ id: componentId, name: 'Public API' }] }]);
  });

  it('serves the logo with its type, and for ever under its hashed link', async () => {
    expect((await raw('/status/acme/logo')).statusCode).toBe(404);
    await setStatusPageLogo(t.vigil.database.db, pageId, { contentType: 'image/png', data: PNG, sha256: 'ab'.repeat(32) }, Date.parse(NOW));
    const page = await raw('/status/acme');
    const link = /<img src="([^"]+)"/.exec(page.body)?.[1] ?? '';
    expect(link).toMatch(/^\/status\/acme\/logo\?v=/);
    const logo = await raw(link);
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(logo.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(logo.rawPayload.equals(PNG)).toBe(true);
    expect((await raw('/status/acme/logo')).headers['cache-control']).toBe('public, max-age=300');
  });

  describe('behind a password', () => {
    const login = (password: string) => raw('/status/locked/login', { 'content-type': 'application/x-www-form-urlencoded' }, 'POST', new URLSearchParams({ password }).toString());
    let lockedId = '';

    beforeAll(async () => {
      const created = await t.admin.post('/api/v1/status-pages', { teamId, name: 'Locked', slug: 'locked', timeZone: 'UTC', accentColor: '#1c2c8c', access: 'password', password: 'open sesame 1' });
      expect(created.status).toBe(201);
      lockedId = created.body.id;
    });

    it('shows the password form, and the page once the right password is typed', async () => {
      for (const url of ['/status/locked', '/status/locked/summary.json']) {
        const gate = await raw(url);
        expect(gate.statusCode).toBe(403);
        expect(gate.body).toContain('<form method="post" action="/status/locked/login">');
        expect(gate.headers['cache-control']).toBe('private, no-store');
        expect(gate.headers['x-robots-tag']).toBe('noindex');
      }
      const wrong = await login('guess');
      expect(wrong.statusCode).toBe(403);
      expect(wrong.body).toContain('That password is not right.');
      expect(wrong.cookies).toEqual([]);
      const right = await login('open sesame 1');
      expect(right.statusCode).toBe(303);
      expect(right.headers['location']).toBe('/status/locked');
      const cookie = right.cookies[0];
      expect(cookie).toMatchObject({ path: '/status/locked', httpOnly: true, sameSite: 'Lax', maxAge: 30 * 86_400 });
      const page = await raw('/status/locked', { cookie: `${cookie?.name}=${cookie?.value}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('All systems operational');
      expect(page.body).toContain('<meta name="robots" content="noindex">');
      expect(page.body).not.toContain('/subscribe');
      expect(page.headers['cache-control']).toBe('private, no-store');
      expect(page.headers['x-robots-tag']).toBe('noindex');
      const summary = await raw('/status/locked/summary.json', { cookie: `${cookie?.name}=${cookie?.value}` });
      expect(summary.statusCode).toBe(200);
      expect(summary.headers['access-control-allow-origin']).toBeUndefined();

      // A new password shuts out everyone who had the old one.
      expect((await t.admin.patch(`/api/v1/status-pages/${lockedId}`, { password: 'open sesame 2' })).status).toBe(200);
      expect((await raw('/status/locked', { cookie: `${cookie?.name}=${cookie?.value}` })).statusCode).toBe(403);
    });

    it('stops trying passwords from an address after ten wrong ones', async () => {
      let last = await login('wrong');
      for (let i = 0; i < 12 && last.statusCode !== 429; i++) last = await login('wrong');
      expect(last.statusCode).toBe(429);
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      // Even the right one waits.
      expect((await login('open sesame 2')).statusCode).toBe(429);
    });
  });

  describe('for the team only', () => {
    beforeAll(async () => {
      const other = await t.admin.post('/api/v1/teams', { name: 'Status other team' });
      expect(other.status).toBe(201);
      const created = await t.admin.post('/api/v1/status-pages', { teamId: other.body.id, name: 'Internal', slug: 'internal', timeZone: 'UTC', accentColor: '#1c2c8c', access: 'team' });
      expect(created.status).toBe(201);
      const users = (await t.admin.get('/api/v1/users?limit=200')).body.items;
      const alice = users.find((u: { email: string }) => u.email === 'alice@example.com');
      await t.admin.patch(`/api/v1/users/${alice.id}`, { password: 'alice-password' });
    });

    it("asks for a login, refuses people outside the team and shows admins the page", async () => {
      const anonymous = await raw('/status/internal');
      expect(anonymous.statusCode).toBe(403);
      expect(anonymous.body).toContain('<a href="http://127.0.0.1:8080/login">Log in to Vigil</a>');
      const session = await t.vigil.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'alice@example.com', password: 'alice-password' } });
      const alice = session.cookies.find((c) => c.name === 'vigil_session');
      const outsider = await raw('/status/internal', { cookie: `vigil_session=${alice?.value}` });
      expect(outsider.statusCode).toBe(403);
      expect(outsider.body).toContain('not a member of the team');
      const adminLogin = await t.vigil.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.com', password: demoAdmin.password } });
      const admin = adminLogin.cookies.find((c) => c.name === 'vigil_session');
      const page = await raw('/status/internal', { cookie: `vigil_session=${admin?.value}` });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('private, no-store');
    });
  });

  it('serves a page at / of its custom domain and leaves other hosts alone', async () => {
    expect((await t.admin.patch(`/api/v1/status-pages/${pageId}`, { customDomain: 'status.acme.test' })).status).toBe(200);
    const onDomain = (url: string, headers: Record<string, string> = {}) => raw(url, { host: 'Status.Acme.Test:443', ...headers });
    let home: Awaited<ReturnType<typeof raw>> | undefined;
    // The node rereads the domains when an unknown host asks (at most once a second).
    await vi.waitFor(
      async () => {
        home = await onDomain('/');
        expect(home.statusCode).toBe(200);
      },
      { timeout: 5000, interval: 250 },
    );
    expect(home?.body).toContain('<a class="brand" href="/">');
    expect(home?.body).toMatch(/href="\/incidents\/[^"]+"/);
    const summary = await onDomain('/summary.json');
    expect(summary.json().page.url).toBe('http://status.acme.test/');
    expect((await onDomain('/status/acme/summary.json')).statusCode).toBe(200);
    // The API and UI are not served under the page's domain.
    expect((await onDomain('/api/v1/teams')).statusCode).toBe(404);
    expect((await raw('/api/v1/teams', { host: 'other.test' })).statusCode).toBe(401);
    expect((await raw('/status/acme')).statusCode).toBe(200);
  });
});


