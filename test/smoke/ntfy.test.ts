import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useNtfyFake } from '../support/ntfy-fake-hooks.js';
import { testConfig, useTestApp } from '../support/test-app.js';

const SEEDED = '2026-03-02T12:00:00.000Z';
const TOKEN = 'tk_alicesphone0000000000000000';
const base = testConfig('').baseUrl;

/** ntfy push end to end: a protected topic verified by a code sent to it, then pages by urgency with actions. */
describeEachDatabase('ntfy push', (dialect) => {
  const ntfy = useNtfyFake();
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  let aliceId = '';
  let teamId = '';
  let policyId = '';

  beforeAll(async () => {
    ntfy.protect('alice-pager', TOKEN);
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    aliceId = users.find((u) => u.email === 'alice@example.com')?.id as string;
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    policyId = (await t.admin.post('/api/v1/escalation-policies', { name: 'Push', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: aliceId }] }] })).body.id;
  });

  const methodsOf = (id: string) => `/api/v1/users/${id}/contact-methods`;

  it('sends a verification code to the topic with the access token, which never comes back', async () => {
    const added = await t.admin.post(methodsOf(aliceId), { kind: 'ntfy', address: ntfy.topicUrl('alice-pager'), token: TOKEN });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'ntfy', verified: false, hasToken: true, verification: { sent: true } });
    expect(JSON.stringify(added.body)).not.toContain(TOKEN);
    const sent = ntfy.published.at(-1);
    expect(sent).toMatchObject({ topic: 'alice-pager', title: 'Your Vigil verification code', priority: 3, authorization: `Bearer ${TOKEN}` });
    const code = /Enter (\d{6}) in Vigil/.exec(sent?.message ?? '')?.[1];
    const verified = await t.admin.post(`${methodsOf(aliceId)}/${added.body.id}/verify`, { code });
    expect(verified.body).toMatchObject({ verified: true, hasToken: true });
    expect(JSON.stringify((await t.admin.get(methodsOf(aliceId))).body)).not.toContain(TOKEN);
    const stored = await t.vigil.database.db.selectFrom('contact_methods').select('secret').where('id', '=', added.body.id).executeTakeFirstOrThrow();
    expect(stored.secret).toMatch(/^v1\./);
    expect(stored.secret).not.toContain(TOKEN);
    // The paging plan counts it like any channel this server can send on.
    const plan = (await t.admin.get(`/api/v1/escalation-policies/${policyId}/paging-plan`)).body;
    expect(plan.steps[0].recipients[0].notifications).toMatchObject([{ kind: 'ntfy', status: 'pages' }]);
  });

  it('refuses what ntfy would not take, at the field, and a wrong token fails the verification', async () => {
    const badTopic = await t.admin.post(methodsOf(aliceId), { kind: 'ntfy', address: `${ntfy.url}bad topic!` });
    expect(badTopic.status).toBe(400);
    expect(badTopic.body.errors[0].path).toBe('/body/address');
    const tokenOnEmail = await t.admin.post(methodsOf(aliceId), { kind: 'email', address: 'a@example.com', token: 'x' });
    expect(tokenOnEmail.status).toBe(400);
    expect(tokenOnEmail.body.errors[0].path).toBe('/body/token');
    const again = await t.admin.post(methodsOf(aliceId), { kind: 'ntfy', address: ntfy.topicUrl('alice-pager'), token: 'tk_other' });
    expect(again.status).toBe(400);
    expect(again.body.errors[0]).toMatchObject({ path: '/body/address', message: 'is already one of your ntfy methods: remove it first to change its token' });
    const wrong = await t.admin.post(methodsOf(aliceId), { kind: 'ntfy', address: ntfy.topicUrl('alice-phone'), token: 'tk_wrong' });
    expect(wrong.body.verification).toEqual({ sent: false, error: 'ntfy answered HTTP 401' });
    await t.admin.delete(`${methodsOf(aliceId)}/${wrong.body.id}`);
  });

  async function page(urgency: 'high' | 'low', title: string) {
    const monitor = await t.admin.post('/api/v1/monitors', { name: `Push ${urgency} ${title}`, teamId, policyId, urgency });
    const before = ntfy.published.length;
    const incident = (await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title, description: 'p99 over 2 s' })).body.incident;
    await t.vigil.engine.runOnce();
    return { incident, sent: ntfy.published.slice(before) };
  }

  it('pages with priority 5 when urgent, a title, and the incident on tap or by its one button', async () => {
    const { incident, sent } = await page('high', 'Checkout slow');
    expect(sent).toHaveLength(1);
    const view = `${base}/incidents/${incident.id}`;
    expect(sent[0]).toMatchObject({
      topic: 'alice-pager',
      title: 'Checkout slow (Push high Checkout slow)',
      message: 'Triggered: p99 over 2 s',
      priority: 5,
      click: view,
      authorization: `Bearer ${TOKEN}`,
    });
    expect(sent[0]?.actions).toEqual([{ action: 'view', label: 'Open incident', url: view, clear: true }]);
    const detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    expect(detail.notifications).toMatchObject([{ channel: 'ntfy', status: 'sent', attempts: 1 }]);
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toContain('notified');
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('pages with the default priority 3 when low urgency', async () => {
    const { incident, sent } = await page('low', 'Disk 80%');
    expect(sent.map((m) => m.priority)).toEqual([3]);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('waits out a 429 for as long as Retry-After says, through the outbox, then delivers', async () => {
    ntfy.rateLimit(1, 300);
    const { incident, sent } = await page('high', 'Rate limited');
    expect(sent).toHaveLength(0);
    let detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    const [pending] = detail.notifications;
    expect(pending).toMatchObject({ status: 'queued', attempts: 1, lastError: 'ntfy answered HTTP 429' });
    const now = (await t.anonymous.get('/api/v1/test/clock')).body;
    expect(Date.parse(pending.dueAt) - Date.parse(now.now)).toBe(300_000);
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toContain('delivery_failed');
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 301_000 });
    const before = ntfy.published.length;
    await t.vigil.engine.runOnce();
    expect(ntfy.published.slice(before).map((m) => m.title)).toEqual(['Rate limited (Push high Rate limited)']);
    detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    expect(detail.notifications).toMatchObject([{ status: 'sent', attempts: 2 }]);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });
});
