import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { demoAdmin } from '../support/demo-admin.js';
import { useSlackFake } from '../support/slack-fake-hooks.js';
import type { SlackMessage } from '../support/slack-fake.js';
import { testConfig, useTestApp } from '../support/test-app.js';

const SEEDED = '2026-03-02T12:00:00.000Z';
const OPS = 'C0OPS12345';
const LEADS = 'C0LEADS123';
const ALICE_SLACK = 'U0ALICE123';
const base = testConfig('').baseUrl;

type Block = { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string; text?: string | { text: string } }[] };
const buttonsOf = (m: SlackMessage | undefined) => ((m?.blocks ?? []) as Block[]).filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => e.action_id));
const shown = (m: SlackMessage | undefined) => JSON.stringify(m?.blocks ?? []);
/** The message's status line: status · step · monitor · urgency. */
const statusLine = (m: SlackMessage | undefined) => (((m?.blocks ?? []) as Block[]).find((b) => b.type === 'context')?.elements?.[0] as { text?: string } | undefined)?.text;

/** The Slack app end to end: pages posted to a channel and to a member's DMs with buttons, then edited in place as the incident changes. */
describeEachDatabase('Slack app', (dialect) => {
  const slack = useSlackFake();
  const t = useTestApp(dialect, { frozenAt: SEEDED, config: () => ({ slack: { botToken: slack.token, signingSecret: 'a'.repeat(32), apiUrl: slack.url } }) });
  let teamId = '';
  let policyId = '';
  let adminName = '';
  let aliceId = '';

  beforeAll(async () => {
    slack.addChannel(OPS);
    slack.addChannel(LEADS);
    slack.addChannel('C0PRIVATE1', { member: false });
    slack.addUser({ id: ALICE_SLACK, name: 'alice', email: 'alice@example.com', emailConfirmed: true });
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string; name: string }[];
    adminName = users.find((u) => u.email === demoAdmin.email)?.name as string;
    aliceId = users.find((u) => u.email === 'alice@example.com')?.id as string;
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'Slack ops', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'slack_channel', channelId: OPS }] }] });
    expect(policy.status).toBe(201);
    policyId = policy.body.id;
  });

  const now = async () => Date.parse((await t.anonymous.get('/api/v1/test/clock')).body.now);

  async function page(title: string, policy = policyId) {
    const monitor = await t.admin.post('/api/v1/monitors', { name: `Slack ${title}`, teamId, policyId: policy, urgency: 'high' });
    const before = slack.messages.size;
    const incident = (await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title, description: 'p99 over 2 s' })).body.incident as { id: string };
    await t.vigil.engine.runOnce();
    return { incident, posted: [...slack.messages.values()].slice(before) };
  }

  it('shows a Slack channel step as one that pages in the paging plan', async () => {
    const plan = (await t.admin.get(`/api/v1/escalation-policies/${policyId}/paging-plan`)).body;
    expect(plan.steps[0].recipients).toMatchObject([{ kind: 'slack_channel', channelId: OPS, reachable: true }]);
    expect(plan.warnings).toEqual([]);
  });

  it('refuses a channel step without a channel ID, at the field', async () => {
    const bad = await t.admin.post('/api/v1/escalation-policies', { name: 'Bad', teamId, steps: [{ waitSeconds: 60, targets: [{ type: 'slack_channel', channelId: '#ops' }] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toMatch(/^\/body\/steps\/0\/targets\/0/);
  });

  it('posts a page with four buttons, then edits it in place as it is acknowledged and resolved', async () => {
    const { incident, posted } = await page('Checkout down');
    expect(posted).toHaveLength(1);
    const message = posted[0] as SlackMessage;
    expect(message.channel).toBe(OPS);
    expect(buttonsOf(message)).toEqual(['vigil_acknowledge', 'vigil_resolve', 'vigil_escalate', 'vigil_snooze']);
    expect(shown(message)).toContain(`<${base}/incidents/${incident.id}|Checkout down>`);
    const call = slack.calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === OPS);
    expect(call).toMatchObject({ authorization: `Bearer ${slack.token}`, contentType: 'application/json; charset=utf-8' });
    let detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    expect(detail.notifications).toMatchObject([{ channel: 'slack_channel', status: 'sent', attempts: 1 }]);
    expect(detail.timeline).toContainEqual(expect.objectContaining({ kind: 'notified', data: expect.objectContaining({ channel: 'slack_channel', to: OPS }) }));

    await t.admin.post(`/api/v1/incidents/${incident.id}/acknowledge`);
    await t.vigil.engine.runOnce();
    expect(message.versions).toHaveLength(2);
    expect(buttonsOf(message)).toEqual(['vigil_resolve', 'vigil_escalate', 'vigil_snooze']);
    expect(shown(message)).toContain(`*Acknowledged* by ${adminName}`);

    // An urgency change is no transition, and still shows.
    await t.admin.post(`/api/v1/incidents/${incident.id}/urgency`, { urgency: 'low' });
    await t.vigil.engine.runOnce();
    expect(message.versions).toHaveLength(3);
    expect(shown(message)).toContain('Low urgency');

    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    await t.vigil.engine.runOnce();
    expect(message.versions).toHaveLength(4);
    expect(buttonsOf(message)).toEqual([]);
    expect(shown(message)).toContain(`*Resolved* by ${adminName}`);
    expect(message.text).toBe(`Checkout down (Slack Checkout down) is resolved by ${adminName}`);

    // Settled: nothing more to edit, however often the engine looks.
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 3_600_000 });
    await t.vigil.engine.runOnce();
    expect(message.versions).toHaveLength(4);
    detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    expect(detail.notifications).toHaveLength(1);
  });

  it('edits the channel message when step 1 times out to show step 2 being paged, then when it is acknowledged', async () => {
    const steps = await t.admin.post('/api/v1/escalation-policies', {
      name: 'Slack two steps',
      teamId,
      steps: [
        { waitSeconds: 600, targets: [{ type: 'slack_channel', channelId: OPS }] },
        { waitSeconds: 300, targets: [{ type: 'slack_channel', channelId: LEADS }] },
      ],
    });
    const { incident, posted } = await page('Payments slow', steps.body.id);
    const message = posted[0] as SlackMessage;
    expect(statusLine(message)).toBe('*Triggered* · Step 1 of 2 · Slack Payments slow · High urgency');

    // Step 2's wait is not over: nothing changes.
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 299_000 });
    await t.vigil.engine.runOnce();
    expect(message.versions).toHaveLength(1);

    // Step 1 timed out: the leads' channel is paged, and the ops message says so.
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 2_000 });
    await t.vigil.engine.runOnce();
    expect(message.versions).toHaveLength(2);
    expect(statusLine(message)).toBe('*Triggered* · Escalated to step 2 of 2 · Slack Payments slow · High urgency');
    const leads = slack.postedTo(LEADS).at(-1) as SlackMessage;
    expect(statusLine(leads)).toBe('*Triggered* · Escalated to step 2 of 2 · Slack Payments slow · High urgency');
    // Posted showing step 2: no edit to catch up.
    expect(leads.versions).toHaveLength(1);

    await t.admin.post(`/api/v1/incidents/${incident.id}/acknowledge`);
    await t.vigil.engine.runOnce();
    expect([message.versions.length, leads.versions.length]).toEqual([3, 2]);
    for (const m of [message, leads]) expect(statusLine(m)).toBe(`*Acknowledged* by ${adminName} · Slack Payments slow · High urgency`);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    await t.vigil.engine.runOnce();
    expect([message.versions.length, leads.versions.length]).toEqual([4, 3]);
  });

  it('leaves a message alone when its one step pages again on a repeat, and says when the policy is exhausted', async () => {
    const repeating = await t.admin.post('/api/v1/escalation-policies', { name: 'Slack repeat', teamId, repeat: 1, steps: [{ waitSeconds: 120, targets: [{ type: 'slack_channel', channelId: OPS }] }] });
    expect(repeating.status).toBe(201);
    const { incident, posted } = await page('Queue stuck', repeating.body.id);
    const first = posted[0] as SlackMessage;
    expect(statusLine(first)).toBe('*Triggered* · Step 1 of 1 · Slack Queue stuck · High urgency');

    // The repeat pages the channel again with a new message; the first one shows nothing new.
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 121_000 });
    await t.vigil.engine.runOnce();
    const again = slack.postedTo(OPS).at(-1) as SlackMessage;
    expect(again.ts).not.toBe(first.ts);
    expect(statusLine(again)).toBe(statusLine(first));
    expect([first.versions.length, again.versions.length]).toEqual([1, 1]);

    // Nothing more to page: both say so, still triggered, with their buttons.
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 121_000 });
    await t.vigil.engine.runOnce();
    expect((await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.timeline).toContainEqual(expect.objectContaining({ kind: 'exhausted' }));
    for (const m of [first, again]) {
      expect(m.versions).toHaveLength(2);
      expect(statusLine(m)).toBe('*Triggered* · Escalation exhausted after 2 passes · Slack Queue stuck · High urgency');
      expect(buttonsOf(m)).toEqual(['vigil_acknowledge', 'vigil_resolve', 'vigil_escalate', 'vigil_snooze']);
    }
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    await t.vigil.engine.runOnce();
  });

  it('waits out a rate-limited post for as long as Retry-After says, through the outbox', async () => {
    slack.rateLimit('chat.postMessage', 1, 120);
    const { incident, posted } = await page('Rate limited post');
    expect(posted).toHaveLength(0);
    const [pending] = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.notifications;
    expect(pending).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Slack answered HTTP 429' });
    expect(Date.parse(pending.dueAt) - (await now())).toBe(120_000);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 121_000 });
    await t.vigil.engine.runOnce();
    expect(slack.postedTo(OPS).at(-1)?.text).toBe('Rate limited post (Slack Rate limited post) is triggered');
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    await t.vigil.engine.runOnce();
  });

  it('retries a rate-limited edit after its Retry-After, and the message catches up', async () => {
    const { incident, posted } = await page('Rate limited edit');
    const message = posted[0] as SlackMessage;
    slack.rateLimit('chat.update', 1, 200);
    await t.admin.post(`/api/v1/incidents/${incident.id}/acknowledge`);
    await t.vigil.engine.runOnce();
    expect(message.versions).toHaveLength(1);
    const row = await t.vigil.database.db.selectFrom('chat_messages').selectAll().where('incident_id', '=', incident.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ provider: 'slack_channel', attempts: 1 });
    expect(Number(row.next_sync_at) - (await now())).toBe(200_000);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 201_000 });
    await t.vigil.engine.runOnce();
    // Straight to what it is now: resolved.
    expect(message.versions).toHaveLength(2);
    expect(shown(message)).toContain('*Resolved*');
  });

  it('fails a page at once when Slack refuses the channel, saying why', async () => {
    const refused = (await t.admin.post('/api/v1/escalation-policies', { name: 'Private', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'slack_channel', channelId: 'C0PRIVATE1' }] }] })).body.id;
    const { incident, posted } = await page('Not invited', refused);
    expect(posted).toHaveLength(0);
    const detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    expect(detail.notifications).toMatchObject([{ status: 'failed', attempts: 1, lastError: 'Slack chat.postMessage refused: not_in_channel' }]);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('verifies a Slack DM method with a code sent by the bot, then pages it with buttons and edits the DM', async () => {
    const methods = `/api/v1/users/${aliceId}/contact-methods`;
    const bad = await t.admin.post(methods, { kind: 'slack_dm', address: '@alice' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('/body/address');
    const added = await t.admin.post(methods, { kind: 'slack_dm', address: ALICE_SLACK, label: 'Slack' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'slack_dm', verified: false, verification: { sent: true } });
    const dm = `D${ALICE_SLACK.slice(1)}`;
    const code = /code is (\d{6})/.exec(slack.postedTo(dm).at(-1)?.text ?? '')?.[1];
    expect(code).toBeDefined();
    expect((await t.admin.post(`${methods}/${added.body.id}/verify`, { code })).body).toMatchObject({ verified: true });
    await t.admin.post(`/api/v1/users/${aliceId}/notification-rules`, { contactMethodId: added.body.id, delayMinutes: 0 });
    const alicePolicy = (await t.admin.post('/api/v1/escalation-policies', { name: 'Alice', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: aliceId }] }] })).body.id;
    const plan = (await t.admin.get(`/api/v1/escalation-policies/${alicePolicy}/paging-plan`)).body;
    expect(plan.steps[0].recipients[0].notifications).toContainEqual(expect.objectContaining({ kind: 'slack_dm', status: 'pages' }));

    const { incident } = await page('Disk full', alicePolicy);
    const message = slack.postedTo(dm).at(-1) as SlackMessage;
    expect(buttonsOf(message)).toEqual(['vigil_acknowledge', 'vigil_resolve', 'vigil_escalate', 'vigil_snooze']);
    expect(((message.blocks as Block[]).find((b) => b.type === 'actions')?.elements ?? []).every((e) => e.value === incident.id)).toBe(true);
    await t.admin.post(`/api/v1/incidents/${incident.id}/acknowledge`);
    await t.vigil.engine.runOnce();
    expect(message.versions).toHaveLength(2);
    expect(shown(message)).toContain(`*Acknowledged* by ${adminName}`);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    await t.vigil.engine.runOnce();
  });
});
