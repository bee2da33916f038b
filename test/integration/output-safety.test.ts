import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/security/webhook-signature.js';
import { startCheckTarget, type CheckTarget } from '../support/check-target.js';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const START = '2026-03-03T16:00:00.000Z'; // a Tuesday
const webDir = mkdtempSync(path.join(tmpdir(), 'vigil-web-'));
writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Vigil</title>');

/** What Vigil sends and shows must not be turned against its readers: headers, CSV, Slack, signatures, check detail. */
describeEachDatabase('output safety', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: START, config: () => ({ webDir }) });
  const { demo } = useDemoMonitors(t);
  let receiver: WebhookReceiver;
  let target: CheckTarget;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    target = await startCheckTarget();
  });
  afterAll(async () => {
    await Promise.all([receiver.close(), target.close()]);
    rmSync(webDir, { recursive: true, force: true });
  });

  const userId = async (email: string) => ((await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[]).find((u) => u.email === email)?.id;
  async function alertThrough(target: object, title: string) {
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: `out ${Math.random()}`, teamId: demo.teamId, steps: [{ waitSeconds: 60, targets: [target] }] });
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'Edge <@U42>', teamId: demo.teamId, policyId: policy.body.id });
    await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title, description: 'see <https://evil.example|the runbook> & <!here>' });
    await t.vigil.engine.runOnce();
    return policy.body;
  }

  it('sends the security headers on the UI, the API and the API docs', async () => {
    for (const url of ['/', '/incidents', '/api/v1/auth/me', '/docs/static/index.html']) {
      const res = await t.anonymous.get(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
    }
    // Served over http here: no HSTS, no upgrade of subresources.
    expect((await t.anonymous.get('/')).headers['strict-transport-security']).toBeUndefined();
  });

  it('neutralises spreadsheet formulas in the hours CSV', async () => {
    const alice = await userId('alice@example.com');
    expect((await t.admin.patch(`/api/v1/users/${alice}`, { name: '=HYPERLINK("http://evil.example","Alice")' })).status).toBe(200);
    const schedule = (await t.admin.get('/api/v1/schedules')).body.items[0].id;
    const csv = await t.admin.get(`/api/v1/schedules/${schedule}/hours.csv?from=2026-03-03T00:00:00Z&to=2026-03-10T00:00:00Z`);
    expect(csv.status).toBe(200);
    const row = (csv.body as string).split('\r\n').find((line) => line.includes('HYPERLINK'));
    expect(row).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""Alice""\)","alice@example\.com",/);
  });

  it('escapes mentions and links from alert text in Slack messages', async () => {
    await alertThrough({ type: 'slack', url: receiver.url('/slack') }, '<!channel> down, ask <@U123>');
    const text = (receiver.received.find((r) => r.path === '/slack')?.body as unknown as { text: string }).text;
    expect(text).toContain('*&lt;!channel&gt; down, ask &lt;@U123&gt;* (Edge &lt;@U42&gt;) is triggered');
    expect(text).toContain('see &lt;https://evil.example|the runbook&gt; &amp; &lt;!here&gt;');
    // The one link left is Vigil's own.
    expect(text.match(/</g)).toHaveLength(1);
    expect(text).toMatch(/<http:\/\/127\.0\.0\.1:8080\/incidents\/[\w-]+\|Open in Vigil>$/);
  });

  it('signs webhooks with a timestamp: the documented check accepts them and refuses a replay', async () => {
    const policy = await alertThrough({ type: 'webhook', url: receiver.url('/signed') }, 'Signed');
    const delivery = receiver.received.find((r) => r.path === '/signed');
    if (!delivery) throw new Error('no webhook delivery');
    const key = (await t.admin.get(`/api/v1/escalation-policies/${policy.id}`)).body.webhookSigningSecrets[receiver.url('/signed')] as string;
    const now = Math.floor(Date.parse(START) / 1000);
    expect(delivery.signature).toMatch(new RegExp(`^t=${now},v1=[0-9a-f]{64}$`));
    expect(verifyWebhookSignature(key, delivery.rawBody, delivery.signature, now + 5)).toBe(true);
    expect(verifyWebhookSignature(key, delivery.rawBody, delivery.signature, now + 301)).toBe(false);
    expect(verifyWebhookSignature(key, delivery.rawBody.replace('Signed', 'Forged'), delivery.signature, now)).toBe(false);
  });

  it("shows an HTTP check's keyword and body only to those who may edit the monitor", async () => {
    target.answer(200, 'all good');
    const created = await t.admin.post('/api/v1/monitors', {
      name: 'keyword',
      teamId: demo.teamId,
      policyId: demo.policyId,
      kind: 'http',
      http: { url: target.url('/status'), method: 'POST', body: '{"token":"s3cret"}', keyword: 'needle' },
    });
    expect(created.status).toBe(201);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 60_000 });
    await t.vigil.scheduler.runOnce();
    const admin = (await t.admin.get(`/api/v1/monitors/${created.body.id}`)).body;
    expect(admin.http).toMatchObject({ keyword: 'needle', body: '{"token":"s3cret"}' });
    expect(admin.lastCheck.message).toBe('HTTP 200, but "needle" is not in the body');
    await t.admin.patch(`/api/v1/users/${await userId('dave@example.com')}`, { password: 'dave-password' });
    const viewer = await t.login('dave@example.com', 'dave-password');
    const seen = (await viewer.get(`/api/v1/monitors/${created.body.id}`)).body;
    expect(seen.http).toMatchObject({ keyword: '(hidden)', body: '(hidden)' });
    expect(seen.lastCheck).toMatchObject({ ok: false, message: 'HTTP 200, but the keyword is not in the body' });
    expect(JSON.stringify((await viewer.get('/api/v1/monitors?limit=200')).body)).not.toMatch(/needle|s3cret/);
  });
});
