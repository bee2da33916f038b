import { afterAll, beforeAll, expect, it } from 'vitest';
import { parsePolicySetting, strictPolicy, type DestinationPolicy } from '../../src/core/destination-policy.js';
import type { HttpSpec } from '../../src/core/monitor/types.js';
import { HttpProber } from '../../src/probes/http-probe.js';
import { createProbe } from '../../src/probes/probe.js';
import { startCheckTarget, type CheckTarget } from '../support/check-target.js';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors } from '../support/demo-monitors.js';
import { useTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const START = '2026-03-03T16:00:00.000Z';
const LOOPBACK_DENIED = /^destination not allowed by policy: localhost \((127\.0\.0\.1|::1)\) is a loopback address$/;
const paths = (res: { body: { errors?: { path: string }[] } }) => res.body.errors?.map((e) => e.path);

/** Creates a checked monitor and runs its first check (due within the first minute). */
async function checked(t: TestApp, demo: { teamId: string; policyId: string }, body: object) {
  const res = await t.admin.post('/api/v1/monitors', { name: `policy ${Math.random()}`, teamId: demo.teamId, policyId: demo.policyId, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await t.anonymous.post('/api/v1/test/clock', { advanceMs: 60_000 });
  await t.vigil.scheduler.runOnce();
  return (await t.admin.get(`/api/v1/monitors/${res.body.id}`)).body;
}

/** Pages a webhook at `url` once and returns the outcome its incident's timeline records. */
async function pageOutcome(t: TestApp, demo: { teamId: string }, url: string) {
  const policy = await t.admin.post('/api/v1/escalation-policies', { name: `to ${url}`, teamId: demo.teamId, steps: [{ waitSeconds: 60, targets: [{ type: 'webhook', url }] }] });
  expect(policy.status, JSON.stringify(policy.body)).toBe(201);
  const monitor = await t.admin.post('/api/v1/monitors', { name: `manual ${Math.random()}`, teamId: demo.teamId, policyId: policy.body.id });
  const alert = await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title: 'Paged' });
  await t.vigil.engine.runOnce();
  const detail = (await t.admin.get(`/api/v1/incidents/${alert.body.incident.id}`)).body;
  return detail.timeline.find((e: { kind: string }) => e.kind === 'notified' || e.kind === 'delivery_failed');
}

describeEachDatabase('destination policy (default: no loopback, private or link-local)', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: START, config: () => ({ destinationPolicy: strictPolicy }) });
  const { demo } = useDemoMonitors(t);
  let target: CheckTarget;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    target = await startCheckTarget();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await Promise.all([target.close(), receiver.close()]);
  });

  it('refuses IP literals and metadata names the policy denies at save time, at the field', async () => {
    const create = (body: object) => t.admin.post('/api/v1/monitors', { name: 'm', teamId: demo.teamId, policyId: demo.policyId, ...body });
    const metadata = await create({ kind: 'http', http: { url: 'http://169.254.169.254/latest/meta-data/' } });
    expect(metadata.status).toBe(400);
    expect(metadata.body.errors).toEqual([{ path: '/body/http/url', message: 'is a cloud metadata address: destination not allowed by policy' }]);
    expect(paths(await create({ kind: 'http', http: { url: 'http://metadata.google.internal/computeMetadata/v1/' } }))).toEqual(['/body/http/url']);
    expect(paths(await create({ kind: 'http', http: { url: 'http://[::ffff:127.0.0.1]:8080/' } }))).toEqual(['/body/http/url']);
    expect(paths(await create({ kind: 'tcp', tcp: { host: '10.0.0.5', port: 22 } }))).toEqual(['/body/tcp/host']);
    expect(paths(await create({ kind: 'ping', ping: { host: '::1' } }))).toEqual(['/body/ping/host']);
    expect(paths(await create({ kind: 'dns', dns: { name: 'x.test', recordType: 'A', server: '192.168.1.1:53' } }))).toEqual(['/body/dns/server']);
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string }[];
    const webhook = await t.admin.post(`/api/v1/users/${users[0]?.id}/contact-methods`, { kind: 'webhook', address: 'http://169.254.169.254/hook' });
    expect(paths(webhook)).toEqual(['/body/address']);
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'p', teamId: demo.teamId, steps: [{ waitSeconds: 60, targets: [{ type: 'slack', url: 'http://127.0.0.1/hook' }] }] });
    expect(paths(policy)).toEqual(['/body/steps/0/targets/0/url']);
    const teams = await t.admin.post('/api/v1/escalation-policies', {
      name: 'p',
      teamId: demo.teamId,
      steps: [{ waitSeconds: 60, targets: [{ type: 'webhook', url: 'https://ops.example.com/hook' }, { type: 'teams', url: 'http://10.0.0.8/workflows/1/triggers/manual/paths/invoke?sig=x' }] }],
    });
    expect(paths(teams)).toEqual(['/body/steps/0/targets/1/url']);
  });

  it('fails HTTP and TCP checks of a name that resolves to loopback, without a request', async () => {
    const port = new URL(target.url()).port;
    const http = await checked(t, demo, { kind: 'http', http: { url: `http://localhost:${port}/health` } });
    expect(http.lastCheck).toMatchObject({ ok: false, message: expect.stringMatching(LOOPBACK_DENIED), responseMs: null });
    const tcp = await checked(t, demo, { kind: 'tcp', tcp: { host: 'localhost', port: Number(port) } });
    expect(tcp.lastCheck).toMatchObject({ ok: false, message: expect.stringMatching(LOOPBACK_DENIED) });
    expect(target.requests).toEqual([]);
  });

  it('fails a page to a webhook that resolves to a denied address at once, without a request and not as a destination outage', async () => {
    const failed = await pageOutcome(t, demo, receiver.url('/denied').replace('127.0.0.1', 'localhost'));
    expect(failed).toMatchObject({ kind: 'delivery_failed', data: { channel: 'webhook', final: true, error: expect.stringMatching(/^webhook destination not allowed by policy: localhost \(.+\) is a loopback address$/) } });
    expect(receiver.received).toEqual([]);
  });
});

describeEachDatabase('destination policy (operator opened 127.0.0.1/32 only)', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: START, config: () => ({ destinationPolicy: parsePolicySetting('127.0.0.1/32') as DestinationPolicy }) });
  const { demo } = useDemoMonitors(t);
  let target: CheckTarget;
  beforeAll(async () => {
    target = await startCheckTarget();
  });
  afterAll(() => target.close());

  it('checks an opened address, and refuses a redirect from it to a denied one', async () => {
    expect((await checked(t, demo, { kind: 'http', http: { url: target.url('/health') } })).lastCheck).toMatchObject({ ok: true, message: 'HTTP 200' });
    const port = new URL(target.url()).port;
    const toMetadata = await checked(t, demo, { kind: 'http', http: { url: target.url(`/redirect-to?${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`) } });
    expect(toMetadata.lastCheck).toMatchObject({ ok: false, message: 'destination not allowed by policy: 169.254.169.254 is a cloud metadata address' });
    const toLoopback = await checked(t, demo, { kind: 'http', http: { url: target.url(`/redirect-to?${encodeURIComponent(`http://127.0.0.2:${port}/health`)}`) } });
    expect(toLoopback.lastCheck).toMatchObject({ ok: false, message: 'destination not allowed by policy: 127.0.0.2 is a loopback address' });
  });

  it('follows the redirects of a webhook within the policy, and refuses one to a denied address', async () => {
    const before = target.requests.length;
    expect((await pageOutcome(t, demo, target.url('/redirect/2'))).kind).toBe('notified');
    expect(target.requests.slice(before).map((r) => r.path)).toEqual(['/redirect/2', '/redirect/1', '/']);
    const toMetadata = await pageOutcome(t, demo, target.url(`/redirect-to?${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`));
    expect(toMetadata).toMatchObject({ kind: 'delivery_failed', data: { final: true, error: 'webhook destination not allowed by policy: 169.254.169.254 is a cloud metadata address' } });
  });
});

it('refuses a check of the metadata address at connect time, for every kind of check', async () => {
  const http = new HttpProber(strictPolicy);
  const probe = createProbe(http, strictPolicy);
  const denied = { ok: false, message: 'destination not allowed by policy: 169.254.169.254 is a cloud metadata address', responseMs: null };
  const base: Omit<HttpSpec, 'url'> = { method: 'GET', headers: {}, expectedStatus: ['200-299'], keywordMode: 'present', followRedirects: true, maxRedirects: 5, verifyTls: true, certExpiryDays: 0 };
  try {
    expect(await probe({ kind: 'http', http: { ...base, url: 'http://169.254.169.254/latest/meta-data/' } }, 2000)).toEqual(denied);
    expect(await probe({ kind: 'tcp', tcp: { host: '169.254.169.254', port: 80 } }, 2000)).toEqual(denied);
    expect(await probe({ kind: 'ping', ping: { host: '169.254.169.254' } }, 2000)).toEqual(denied);
    expect(await probe({ kind: 'dns', dns: { name: 'x.test', recordType: 'A', server: '169.254.169.254:53' } }, 2000)).toEqual(denied);
  } finally {
    await http.close();
  }
});
