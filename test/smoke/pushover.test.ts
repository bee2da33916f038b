import { beforeAll, expect, it } from 'vitest';
import { claimDueReceipts } from '../../src/store/pushover-receipts.js';
import { describeEachDatabase } from '../support/databases.js';
import { usePushoverFake } from '../support/pushover-fake-hooks.js';
import { testConfig, useTestApp } from '../support/test-app.js';

const SEEDED = '2026-03-02T12:00:00.000Z';
const base = testConfig('').baseUrl;

/**
 * Pushover end to end: a user key checked with Pushover and verified by a code sent to
 * it, emergency pages whose acknowledgement in the app acknowledges the incident, and
 * whose alarm stops once the incident is acknowledged or resolved elsewhere.
 */
describeEachDatabase('Pushover', (dialect) => {
  const pushover = usePushoverFake();
  const t = useTestApp(dialect, { frozenAt: SEEDED, config: () => ({ pushover: { appToken: pushover.appToken, apiUrl: pushover.url } }) });
  let aliceId = '';
  let aliceKey = '';
  let teamId = '';
  let policyId = '';

  beforeAll(async () => {
    aliceKey = pushover.addUser(['pixel', 'tablet']);
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    aliceId = users.find((u) => u.email === 'alice@example.com')?.id as string;
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    policyId = (await t.admin.post('/api/v1/escalation-policies', { name: 'Pushover', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: aliceId }] }] })).body.id;
  });

  const methodsOf = (id: string) => `/api/v1/users/${id}/contact-methods`;

  it('refuses a key that is not one, or that Pushover does not know, and a device the user does not have, at the field', async () => {
    const refusals = [
      ['not-a-key', /^must be your Pushover user key/],
      [pushover.addUser().slice(0, 29), /^must be your Pushover user key/],
      ['u'.repeat(30), /^was refused by Pushover \(user identifier is not a valid user/],
      [`${aliceKey}:watch`, /^was refused by Pushover \(device name is not valid for user\)$/],
    ] as const;
    for (const [address, message] of refusals) {
      const res = await t.admin.post(methodsOf(aliceId), { kind: 'pushover', address });
      expect(res.status, address).toBe(400);
      expect(res.body.errors[0].path).toBe('/body/address');
      expect(res.body.errors[0].message).toMatch(message);
    }
    expect((await t.admin.get(methodsOf(aliceId))).body).toEqual([]);
  });

  it('sends a verification code at normal priority to a key Pushover knows, then pages through it', async () => {
    const added = await t.admin.post(methodsOf(aliceId), { kind: 'pushover', address: `${aliceKey}:pixel`, label: 'Pixel' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'pushover', address: `${aliceKey}:pixel`, verified: false, verification: { sent: true } });
    const sent = pushover.messages.at(-1);
    expect(sent).toMatchObject({ user: aliceKey, device: 'pixel', title: 'Your Vigil verification code', priority: '0' });
    expect(sent?.receipt).toBeUndefined();
    const code = /Enter (\d{6}) in Vigil/.exec(sent?.message ?? '')?.[1];
    const verified = await t.admin.post(`${methodsOf(aliceId)}/${added.body.id}/verify`, { code });
    expect(verified.body).toMatchObject({ verified: true });
    const plan = (await t.admin.get(`/api/v1/escalation-policies/${policyId}/paging-plan`)).body;
    expect(plan.steps[0].recipients[0].notifications).toMatchObject([{ kind: 'pushover', status: 'pages' }]);
    expect((await t.admin.get('/api/v1/me/reachability')).body.channels.pushover).toBe(true);
  });

  async function page(urgency: 'high' | 'low', title: string) {
    const monitor = await t.admin.post('/api/v1/monitors', { name: `Pushover ${urgency} ${title}`, teamId, policyId, urgency });
    const before = pushover.messages.length;
    const incident = (await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title, description: 'p99 over 2 s' })).body.incident;
    await t.vigil.engine.runOnce();
    return { incident, sent: pushover.messages.slice(before) };
  }

  const chatMessagesOf = (incidentId: string) =>
    t.vigil.database.db.selectFrom('chat_messages').select(['provider', 'message_ref', 'user_id']).where('incident_id', '=', incidentId).execute();

  /** Past the receipt's next read, then one pass of the reader. */
  async function readReceipts() {
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 31_000 });
    await t.vigil.pushoverReceipts?.runOnce();
  }

  it('pages at emergency priority when urgent; acknowledging the alarm in the app acknowledges the incident as its owner', async () => {
    const { incident, sent } = await page('high', 'Checkout slow');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      user: aliceKey,
      device: 'pixel',
      title: 'Checkout slow (Pushover high Checkout slow)',
      message: 'Triggered: p99 over 2 s',
      priority: '2',
      retry: '60',
      expire: '3600',
      url: `${base}/incidents/${incident.id}`,
      url_title: 'Open incident',
    });
    const receipt = sent[0]?.receipt as string;
    expect(await chatMessagesOf(incident.id)).toEqual([{ provider: 'pushover', message_ref: receipt, user_id: aliceId }]);
    // Nodes reading receipts at once: each read is claimed by one of them.
    // (A minute on, so that a read this node's own loop may have claimed meanwhile is due again.)
    const later = t.vigil.clock.now() + 60_000;
    const claims = await Promise.all([1, 2, 3].map(() => claimDueReceipts(t.vigil.database.db, later, later - 3_600_000, later + 30_000, 50)));
    expect(claims.flat().map((c) => c.receipt)).toEqual([receipt]);
    await t.vigil.database.db.updateTable('chat_messages').set({ receipt_poll_at: null }).where('message_ref', '=', receipt).execute();

    // Not acknowledged yet: read, and left alone.
    await readReceipts();
    expect(pushover.receipts.get(receipt)?.reads).toBeGreaterThan(0);
    expect((await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.status).toBe('triggered');

    pushover.acknowledge(receipt, 'pixel');
    await readReceipts();
    const detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    expect(detail).toMatchObject({ status: 'acknowledged', acknowledgedBy: aliceId });
    const note = detail.timeline.find((e: { kind: string }) => e.kind === 'provider_action');
    expect(note).toMatchObject({ actorId: aliceId, data: { provider: 'Pushover', action: 'acknowledge', device: 'pixel' } });
    // Acknowledged: its receipt is read no more.
    const reads = pushover.receipts.get(receipt)?.reads;
    await readReceipts();
    expect(pushover.receipts.get(receipt)?.reads).toBe(reads);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('changes nothing when the owner may no longer act on the incident, and says so on the timeline', async () => {
    const { incident, sent } = await page('high', 'Owner demoted');
    expect((await t.admin.patch(`/api/v1/users/${aliceId}`, { role: 'viewer' })).status).toBe(200);
    pushover.acknowledge(sent[0]?.receipt as string, 'pixel');
    await readReceipts();
    const detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    expect(detail.status).toBe('triggered');
    expect(detail.timeline.find((e: { kind: string }) => e.kind === 'provider_action')).toMatchObject({ actorId: aliceId, data: { provider: 'Pushover', refused: true } });
    await t.admin.patch(`/api/v1/users/${aliceId}`, { role: 'responder' });
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('stops the alarm once the incident is resolved in the UI, or acknowledged there', async () => {
    for (const action of ['resolve', 'acknowledge'] as const) {
      const { incident, sent } = await page('high', `Then ${action}d in the UI`);
      const receipt = sent[0]?.receipt as string;
      expect(pushover.receipts.get(receipt)?.cancelled).toBe(false);
      await t.admin.post(`/api/v1/incidents/${incident.id}/${action}`);
      await t.vigil.engine.runOnce();
      expect(pushover.receipts.get(receipt)?.cancelled, action).toBe(true);
      // Its state shown: not cancelled twice, and no longer read.
      const reads = pushover.receipts.get(receipt)?.reads;
      await readReceipts();
      expect(pushover.receipts.get(receipt)?.reads).toBe(reads);
      if (action === 'acknowledge') await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    }
  });

  it('pages at normal priority, without a receipt, when low urgency', async () => {
    const { incident, sent } = await page('low', 'Disk 80%');
    expect(sent.map((m) => [m.priority, m.retry, m.expire, m.receipt])).toEqual([['0', undefined, undefined, undefined]]);
    expect(await chatMessagesOf(incident.id)).toEqual([]);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('waits out a 429 for as long as Retry-After says, through the outbox, then delivers', async () => {
    pushover.rateLimit(1, 300);
    const { incident, sent } = await page('high', 'Rate limited');
    expect(sent).toHaveLength(0);
    const [pending] = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.notifications;
    expect(pending).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Pushover answered HTTP 429: application is over its message limit' });
    const now = (await t.anonymous.get('/api/v1/test/clock')).body;
    expect(Date.parse(pending.dueAt) - Date.parse(now.now)).toBe(300_000);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 301_000 });
    const before = pushover.messages.length;
    await t.vigil.engine.runOnce();
    expect(pushover.messages.slice(before).map((m) => m.priority)).toEqual(['2']);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('fails a page for good when Pushover refuses the key (an account deleted since), and never shows the key or the token', async () => {
    pushover.forget(aliceKey);
    const { incident, sent } = await page('high', 'Unknown key');
    expect(sent).toHaveLength(0);
    const detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    // Failed at the first attempt (a step with nobody reached moves on, and pages again).
    expect(detail.notifications.length).toBeGreaterThan(0);
    for (const n of detail.notifications) expect(n).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Pushover answered HTTP 400: user identifier is not a valid user, group, or subscribed user key' });
    expect(JSON.stringify(detail)).not.toContain(aliceKey);
    expect(JSON.stringify(detail)).not.toContain(pushover.appToken);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });
});
