import { afterAll, beforeAll, expect, it } from 'vitest';
import { advanceChecks } from '../support/advance-checks.js';
import { describeEachDatabase } from '../support/databases.js';
import { startCheckTarget, startTlsCheckTarget, type CheckTarget } from '../support/check-target.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { requiredTool } from '../support/required-tool.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const START = '2026-03-03T16:00:00.000Z'; // a Tuesday
const MIN = 60_000;
const DAY = 86_400_000;
const canPing = requiredTool('/usr/bin/ping', 'iputils-ping', 'the ping monitor test');

/**
 * Checked monitors in the whole server with a frozen clock: real HTTP, HTTPS, TCP, DNS and
 * ICMP probes against local targets; incidents and pages follow from what they find.
 */
describeEachDatabase('checked monitors smoke', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: START });
  let receiver: WebhookReceiver;
  let target: CheckTarget;
  let dns: DnsServer;
  let teamId = '';
  let policyId = '';
  let seen = 0;

  const advance = (ms: number) => advanceChecks(t, ms);
  function newPages(): string[] {
    const fresh = receiver.received.slice(seen);
    seen = receiver.received.length;
    return fresh.map((r) => `${r.path.slice(1)}:${r.body.incident?.title ?? 'test'}`);
  }
  async function monitor(body: object) {
    const res = await t.admin.post('/api/v1/monitors', { name: `check ${Math.random().toString(36).slice(2, 8)}`, teamId, policyId, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // The first check falls within the first minute.
    await advance(MIN);
    return res.body as { id: string; name: string };
  }
  const view = async (id: string) => (await t.admin.get(`/api/v1/monitors/${id}`)).body;
  const incidents = async (id: string) =>
    ((await t.admin.get(`/api/v1/incidents?monitorId=${id}`)).body.items as { title: string; status: string; dedupKey: string }[]).map(
      (i) => `${i.dedupKey}:${i.status}:${i.title}`,
    );

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    target = await startCheckTarget();
    dns = await startDnsServer([
      { name: 'app.vigil.test', type: 'A', ttl: 60, data: '10.1.2.3' },
      { name: 'vigil.test', type: 'MX', ttl: 60, data: { preference: 10, exchange: 'mail.vigil.test' } },
    ]);
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    const alice = users.find((u) => u.email.startsWith('alice@'))?.id;
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    expect((await t.admin.post(`/api/v1/users/${alice}/contact-methods`, { kind: 'webhook', address: receiver.url('/alice') })).status).toBe(201);
    const schedule = await t.admin.post('/api/v1/schedules', {
      name: 'Checks',
      teamId,
      timeZone: 'UTC',
      layers: [{ name: 'Only', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [alice] }],
    });
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'Checks', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'schedule', scheduleId: schedule.body.id }] }] });
    policyId = policy.body.id;
  });
  afterAll(async () => {
    await Promise.all([receiver.close(), target.close(), dns.close()]);
  });

  it('confirms an outage before paging, and resolves it when the site is back', async () => {
    target.answer(200);
    const m = await monitor({ kind: 'http', http: { url: target.url('/health') }, check: { intervalSeconds: 60, confirmations: 2 } });
    expect(await view(m.id)).toMatchObject({ status: 'up', lastCheck: { ok: true, message: 'HTTP 200', responseMs: expect.any(Number) } });

    target.answer(503, 'overloaded');
    await advance(MIN);
    expect((await view(m.id)).status).toBe('up');
    expect(newPages()).toEqual([]);
    await advance(MIN);
    expect((await view(m.id)).status).toBe('down');
    expect(await incidents(m.id)).toEqual([`check:triggered:${m.name} is down`]);
    expect(newPages()).toEqual([`alice:${m.name} is down`]);
    // Still down: the open incident is not paged again.
    await advance(MIN);
    expect(newPages()).toEqual([]);

    target.answer(200);
    await advance(MIN);
    expect((await view(m.id)).status).toBe('up');
    expect(await incidents(m.id)).toEqual([`check:resolved:${m.name} is down`]);

    // Six checks: 200, 503 ×3, 200 (and maybe one at creation): the rollups say so.
    const history = (await t.admin.get(`/api/v1/monitors/${m.id}/history?range=24h`)).body;
    const ups = history.points.map((p: { up: number }) => p.up).join('');
    expect(ups).toMatch(/^1?10001$/);
    const uptime = (await t.admin.get(`/api/v1/monitors/${m.id}/uptime`)).body;
    const total = ups.length;
    expect(uptime.h24).toBeCloseTo(((total - 3) / total) * 100, 2);
    expect(uptime.d30).toBe(uptime.h24);
    const hourly = (await t.admin.get(`/api/v1/monitors/${m.id}/history?range=7d`)).body;
    expect(hourly.resolution).toBe('hour');
    expect(hourly.points.reduce((n: number, p: { checks: number }) => n + p.checks, 0)).toBe(total);
  });

  it('sends the method, headers and body, follows redirects and judges keywords', async () => {
    target.answer(200, 'status: healthy');
    const m = await monitor({
      kind: 'http',
      http: { url: target.url('/redirect/2'), method: 'POST', headers: { 'X-Probe': 'vigil' }, body: 'ping', keyword: 'healthy' },
    });
    expect((await view(m.id)).lastCheck).toMatchObject({ ok: true, message: 'HTTP 200' });
    const sent = target.requests.filter((r) => r.headers['x-probe'] === 'vigil');
    expect(sent.map((r) => r.path)).toContain('/redirect/1');
    expect(sent[0]).toMatchObject({ method: 'POST', body: 'ping' });

    target.answer(200, 'status: degraded');
    await advance(MIN);
    expect((await view(m.id)).lastCheck.message).toBe('HTTP 200, but "healthy" is not in the body');

    const noFollow = await monitor({ kind: 'http', http: { url: target.url('/redirect/1'), followRedirects: false, expectedStatus: ['301-302'] } });
    expect((await view(noFollow.id)).lastCheck).toMatchObject({ ok: true, message: 'HTTP 302' });
  });

  it('times out a slow answer', async () => {
    target.answer(200, 'late', 1500);
    const m = await monitor({ kind: 'http', http: { url: target.url('/slow') }, check: { timeoutSeconds: 1, confirmations: 1 } });
    expect((await view(m.id)).lastCheck).toMatchObject({ ok: false, message: 'Timed out after 1000 ms', responseMs: null });
    expect(await incidents(m.id)).toEqual([`check:triggered:${m.name} is down`]);
    target.answer(200);
  });

  it('verifies TLS, and warns before the certificate expires', async () => {
    const now = Date.parse(START);
    const tls = await startTlsCheckTarget(new Date(now + 5 * DAY));
    try {
      const strict = await monitor({ kind: 'http', http: { url: tls.url() }, check: { confirmations: 1 } });
      expect((await view(strict.id)).lastCheck.message).toMatch(/certificate/i);
      expect((await view(strict.id)).status).toBe('down');

      const lax = await monitor({ kind: 'http', http: { url: tls.url(), verifyTls: false, certExpiryDays: 14 } });
      const seenLax = await view(lax.id);
      expect(seenLax.status).toBe('up');
      expect(Date.parse(seenLax.certificateExpiresAt)).toBeGreaterThan(now + 4 * DAY);
      expect(await incidents(lax.id)).toEqual([`certificate:triggered:${lax.name}: the TLS certificate expires in 4 days`]);
    } finally {
      await tls.close();
    }
  });

  it('checks a TCP port', async () => {
    const open = await monitor({ kind: 'tcp', tcp: { host: '127.0.0.1', port: Number(new URL(target.url()).port) } });
    expect((await view(open.id)).lastCheck).toMatchObject({ ok: true, message: expect.stringMatching(/^Connected to 127\.0\.0\.1:\d+$/) });
    const closed = await monitor({ kind: 'tcp', tcp: { host: '127.0.0.1', port: 1 }, check: { confirmations: 1 } });
    expect((await view(closed.id)).lastCheck.message).toMatch(/ECONNREFUSED/);
  });

  it('checks DNS records against a resolver', async () => {
    const a = await monitor({ kind: 'dns', dns: { name: 'app.vigil.test', recordType: 'A', contains: '10.1.2.3', server: dns.address } });
    expect((await view(a.id)).lastCheck).toMatchObject({ ok: true, message: 'A app.vigil.test: 10.1.2.3' });
    const mx = await monitor({ kind: 'dns', dns: { name: 'vigil.test', recordType: 'MX', contains: 'mx.elsewhere.test', server: dns.address } });
    expect((await view(mx.id)).lastCheck.message).toBe('MX vigil.test: 10 mail.vigil.test; none matches "mx.elsewhere.test"');
    const missing = await monitor({ kind: 'dns', dns: { name: 'gone.vigil.test', recordType: 'A', server: dns.address } });
    expect((await view(missing.id)).lastCheck).toMatchObject({ ok: false, message: 'No A record for gone.vigil.test' });
  });

  it.skipIf(!canPing)('pings a host', async () => {
    const m = await monitor({ kind: 'ping', ping: { host: '127.0.0.1' } });
    expect((await view(m.id)).lastCheck).toMatchObject({ ok: true, message: 'Reply from 127.0.0.1' });
  });

  it('opens no incident inside a maintenance window, and alerts after it if still down', async () => {
    target.answer(200);
    const now = Date.parse(START);
    const m = await monitor({ kind: 'http', http: { url: target.url('/maint') }, check: { confirmations: 1 } });
    const clockNow = Date.parse((await t.anonymous.get('/api/v1/test/clock')).body.now);
    expect(clockNow).toBeGreaterThan(now);
    const window = { start: new Date(clockNow).toISOString(), end: new Date(clockNow + 3 * MIN + 30_000).toISOString() };
    expect((await t.admin.patch(`/api/v1/monitors/${m.id}`, { maintenance: { timeZone: 'UTC', weekly: [], once: [window] } })).status).toBe(200);
    expect((await view(m.id)).status).toBe('maintenance');
    target.answer(500);
    await advance(MIN);
    await advance(MIN);
    expect(await incidents(m.id)).toEqual([]);
    await advance(2 * MIN);
    expect(await incidents(m.id)).toEqual([`check:triggered:${m.name} is down`]);
    target.answer(200);
  });

  it('does not check a paused monitor', async () => {
    const m = await monitor({ kind: 'http', http: { url: target.url('/paused') } });
    const count = () => target.requests.filter((r) => r.path === '/paused').length;
    const before = count();
    await t.admin.patch(`/api/v1/monitors/${m.id}`, { paused: true });
    expect((await view(m.id)).status).toBe('paused');
    await advance(5 * MIN);
    expect(count()).toBe(before);
    await t.admin.patch(`/api/v1/monitors/${m.id}`, { paused: false });
    await advance(MIN);
    expect(count()).toBeGreaterThan(before);
  });
});
