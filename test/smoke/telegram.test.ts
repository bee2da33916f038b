import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTelegramFake } from '../support/telegram-fake-hooks.js';
import { testConfig, useTestApp } from '../support/test-app.js';

const SEEDED = '2026-03-02T12:00:00.000Z';
const SECRET = 'webhook-secret-0123456789abcdef';
const ALICE_CHAT = 7_100_001;
const OUTSIDER_CHAT = 7_100_002;
const STRANGER_CHAT = 7_100_003;
const base = testConfig('').baseUrl;

/**
 * Telegram end to end: a chat linked through the bot's deep link, pages with an
 * Acknowledge button that acts as the linked person (and nobody else), flood control
 * and a blocked bot, and the webhook's secret.
 */
describeEachDatabase('Telegram bot', (dialect) => {
  const telegram = useTelegramFake();
  const t = useTestApp(dialect, { frozenAt: SEEDED, config: () => ({ telegram: { botToken: telegram.token, webhookSecret: SECRET, apiUrl: telegram.apiUrl } }) });
  let alice = { id: '', name: '' };
  let outsiderId = '';
  let teamId = '';
  let policyId = '';

  beforeAll(async () => {
    // Telegram posts to the public URL: Vigil listens, and the operator sets the webhook as the docs say.
    const address = await t.vigil.app.listen({ port: 0, host: '127.0.0.1' });
    const set = await fetch(`${telegram.apiUrl}/bot${telegram.token}/setWebhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${address}/api/v1/integrations/telegram/webhook`, secret_token: SECRET, allowed_updates: ['message', 'callback_query'] }),
    });
    expect(set.status).toBe(200);
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string; name: string }[];
    alice = users.find((u) => u.email === 'alice@example.com') as typeof alice;
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    policyId = (await t.admin.post('/api/v1/escalation-policies', { name: 'Telegram', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: alice.id }] }] })).body.id;
    outsiderId = (await t.admin.post('/api/v1/users', { email: 'outsider@example.com', name: 'Olga Outsider', role: 'responder', password: 'outsider-password' })).body.id;
  });

  const methodsOf = (id: string) => `/api/v1/users/${id}/contact-methods`;

  async function link(userId: string, chatId: number) {
    const added = await t.admin.post(methodsOf(userId), { kind: 'telegram', label: 'Telegram' });
    expect(added.status).toBe(201);
    expect(await telegram.start(chatId, added.body.verification.link)).toBe(200);
    return added;
  }

  it('links the chat that opens the deep link, once, and answers in the chat', async () => {
    const added = await t.admin.post(methodsOf(alice.id), { kind: 'telegram' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'telegram', address: '', verified: false, verification: { sent: true } });
    const deepLink = added.body.verification.link as string;
    expect(deepLink).toMatch(/^https:\/\/t\.me\/vigil_test_bot\?start=[A-Za-z0-9_-]{22}$/);

    expect(await telegram.start(ALICE_CHAT, deepLink)).toBe(200);
    expect(telegram.lastIn(ALICE_CHAT)?.text).toBe(`Linked to Vigil as ${alice.name}. Pages will arrive here; press Acknowledge on one to take it.`);
    const [method] = (await t.admin.get(methodsOf(alice.id))).body.filter((m: { id: string }) => m.id === added.body.id);
    expect(method).toMatchObject({ verified: true, address: String(ALICE_CHAT) });

    // The code is spent: another chat cannot take the method over.
    expect(await telegram.start(STRANGER_CHAT, deepLink)).toBe(200);
    expect(telegram.lastIn(STRANGER_CHAT)?.text).toMatch(/expired or was already used/);
    // Only in a private chat, and only with a link.
    await telegram.say(-4_000_001, `/start ${new URL(deepLink).searchParams.get('start')}`, 'group');
    expect(telegram.lastIn(-4_000_001)).toBeUndefined();
    expect(await telegram.say(STRANGER_CHAT, 'hello?')).toBe(200);
    expect(telegram.lastIn(STRANGER_CHAT)?.text).toMatch(/^This bot sends Vigil pages/);
  });

  it('refuses a Telegram address typed in, and an address left out for any other kind, at the field', async () => {
    const typed = await t.admin.post(methodsOf(alice.id), { kind: 'telegram', address: '12345' });
    expect(typed.status).toBe(400);
    expect(typed.body.errors[0]).toMatchObject({ path: '/body/address', message: expect.stringMatching(/leave it out/) });
    const pending = await t.admin.post(methodsOf(alice.id), { kind: 'telegram' });
    const guessed = await t.admin.post(`${methodsOf(alice.id)}/${pending.body.id}/verify`, { code: '123456' });
    expect(guessed.status).toBe(400);
    expect(guessed.body.errors[0]).toMatchObject({ path: '/body/code', message: expect.stringMatching(/open its link in Telegram/) });
    await t.admin.delete(`${methodsOf(alice.id)}/${pending.body.id}`);
    const missing = await t.admin.post(methodsOf(alice.id), { kind: 'email' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('/body/address');
  });

  it('refuses every update without the webhook secret, before reading it', async () => {
    const before = telegram.messages.length;
    expect(await telegram.post({ message: { message_id: 1, chat: { id: STRANGER_CHAT, type: 'private' }, text: '/start' } }, 'wrong-secret-0123456789abcdef')).toBe(401);
    expect(await telegram.post({ message: { message_id: 1, chat: { id: STRANGER_CHAT, type: 'private' }, text: '/start' } }, null)).toBe(401);
    const garbled = await t.anonymous.post('/api/v1/integrations/telegram/webhook', 'not json');
    expect(garbled.status).toBe(401);
    expect(telegram.messages.length).toBe(before);
  });

  async function page(urgency: 'high' | 'low', title: string) {
    const monitor = await t.admin.post('/api/v1/monitors', { name: `Telegram ${urgency} ${title}`, teamId, policyId, urgency });
    const before = telegram.messages.length;
    const incident = (await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title, description: 'p99 over 2 s <b>& rising</b>' })).body.incident;
    await t.vigil.engine.runOnce();
    return { incident, sent: telegram.messages.slice(before) };
  }

  it('pages with Acknowledge and Open incident; a press acknowledges as the linked person and edits the message', async () => {
    const { incident, sent } = await page('high', 'Checkout slow');
    expect(sent).toHaveLength(1);
    const message = sent[0] as (typeof sent)[number];
    expect(message).toMatchObject({ chatId: ALICE_CHAT, silent: false });
    expect(message.text).toBe(`🔴 <b>Triggered</b> · Step 1 of 1\n<b>Checkout slow</b>\nMonitor: Telegram high Checkout slow\n\np99 over 2 s &#60;b&#62;&#38; rising&#60;/b&#62;`);
    expect(message.keyboard).toEqual([[{ text: 'Acknowledge', callback_data: `ack:${incident.id}` }], [{ text: 'Open incident', url: `${base}/incidents/${incident.id}` }]]);

    // Someone who is not linked, and someone linked without the right, are told so; nothing changes.
    expect(await telegram.press(message, 'Acknowledge', STRANGER_CHAT)).toBe(200);
    expect(telegram.answers.at(-1)).toMatchObject({ showAlert: true, text: expect.stringMatching(/not linked to a Vigil user/) });
    await link(outsiderId, OUTSIDER_CHAT);
    expect(await telegram.press(message, 'Acknowledge', OUTSIDER_CHAT)).toBe(200);
    expect(telegram.answers.at(-1)).toMatchObject({ showAlert: true, text: 'Olga Outsider, you may not act on this incident: ask an admin or the team\'s manager.' });
    expect((await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.status).toBe('triggered');
    expect(message.edits).toEqual([]);

    expect(await telegram.press(message, 'Acknowledge')).toBe(200);
    expect(telegram.answers.at(-1)).toEqual({ queryId: expect.any(String), text: 'Acknowledged', showAlert: false });
    const detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    expect(detail).toMatchObject({ status: 'acknowledged', acknowledgedBy: alice.id });
    expect(detail.notifications).toMatchObject([{ channel: 'telegram', status: 'sent' }]);
    expect(message.edits.at(-1)?.text).toMatch(new RegExp(`^✅ <b>Acknowledged</b> by ${alice.name}\n<b>Checkout slow</b>`));
    expect(message.edits.at(-1)?.keyboard).toEqual([[{ text: 'Open incident', url: `${base}/incidents/${incident.id}` }]]);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('keeps every page of an incident showing it: a press, then a resolve in the UI, edit them all in place', async () => {
    const both = await t.admin.post('/api/v1/escalation-policies', { name: 'Telegram both', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: alice.id }, { type: 'user', userId: outsiderId }] }] });
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'Telegram both', teamId, policyId: both.body.id });
    const before = telegram.messages.length;
    const incident = (await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title: 'Queue backlog' })).body.incident;
    await t.vigil.engine.runOnce();
    const sent = telegram.messages.slice(before);
    const mine = sent.find((m) => m.chatId === ALICE_CHAT) as (typeof sent)[number];
    const theirs = sent.find((m) => m.chatId === OUTSIDER_CHAT) as (typeof sent)[number];
    expect(theirs.keyboard[0]).toEqual([{ text: 'Acknowledge', callback_data: `ack:${incident.id}` }]);

    const refusedBefore = telegram.refused.length;
    expect(await telegram.press(mine, 'Acknowledge')).toBe(200);
    await t.vigil.engine.runOnce();
    // The other page follows. The pressed one is edited once, by the press, which records it as
    // shown: the chat sync leaves it alone (unless a pass of its own came between the two, when
    // Telegram's "message is not modified" counts as done).
    expect(theirs.edits.map((e) => e.text.split('\n')[0])).toEqual([`✅ <b>Acknowledged</b> by ${alice.name}`]);
    expect(theirs.edits[0]?.keyboard).toEqual([[{ text: 'Open incident', url: `${base}/incidents/${incident.id}` }]]);
    expect(mine.edits).toHaveLength(1);
    expect(telegram.refused.slice(refusedBefore).filter((r) => r !== 'editMessageText 400')).toEqual([]);

    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    await t.vigil.engine.runOnce();
    const admin = ((await t.admin.get('/api/v1/users?limit=200')).body.items as { email: string; name: string }[]).find((u) => u.email === 'admin@example.com');
    for (const m of [mine, theirs]) expect(m.edits.at(-1)?.text.split('\n')[0]).toBe(`☑️ <b>Resolved</b> by ${admin?.name}`);
    // Settled: nothing more to edit.
    const edits = telegram.messages.reduce((n, m) => n + m.edits.length, 0);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 3_600_000 });
    await t.vigil.engine.runOnce();
    expect(telegram.messages.reduce((n, m) => n + m.edits.length, 0)).toBe(edits);
  });

  it('edits each page as the incident escalates and is acknowledged; an edit Telegram finds unchanged counts as done', async () => {
    const steps = await t.admin.post('/api/v1/escalation-policies', {
      name: 'Telegram two steps',
      teamId,
      steps: [
        { waitSeconds: 600, targets: [{ type: 'user', userId: alice.id }] },
        { waitSeconds: 300, targets: [{ type: 'user', userId: outsiderId }] },
      ],
    });
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'Telegram steps', teamId, policyId: steps.body.id });
    const before = telegram.messages.length;
    const incident = (await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title: 'Cache cold' })).body.incident;
    await t.vigil.engine.runOnce();
    const first = telegram.messages.slice(before).find((m) => m.chatId === ALICE_CHAT) as (typeof telegram.messages)[number];
    expect(first.text.split('\n')[0]).toBe('🔴 <b>Triggered</b> · Step 1 of 2');

    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 301_000 });
    await t.vigil.engine.runOnce();
    const second = telegram.messages.slice(before).find((m) => m.chatId === OUTSIDER_CHAT) as (typeof telegram.messages)[number];
    expect(second.text.split('\n')[0]).toBe('🔴 <b>Triggered</b> · Escalated to step 2 of 2');
    expect(first.edits.map((e) => e.text.split('\n')[0])).toEqual(['🔴 <b>Triggered</b> · Escalated to step 2 of 2']);
    expect(second.edits).toEqual([]);

    await t.admin.post(`/api/v1/incidents/${incident.id}/acknowledge`);
    await t.vigil.engine.runOnce();
    const admin = ((await t.admin.get('/api/v1/users?limit=200')).body.items as { email: string; name: string }[]).find((u) => u.email === 'admin@example.com');
    for (const m of [first, second]) expect(m.edits.at(-1)?.text.split('\n')[0]).toBe(`✅ <b>Acknowledged</b> by ${admin?.name}`);

    // An acknowledged page does not show the urgency: the edit changes nothing, Telegram
    // answers 400 "message is not modified", and each page counts as showing the new state.
    const refusedBefore = telegram.refused.length;
    const edits = [first.edits.length, second.edits.length];
    await t.admin.post(`/api/v1/incidents/${incident.id}/urgency`, { urgency: 'low' });
    await t.vigil.engine.runOnce();
    expect(telegram.refused.slice(refusedBefore)).toEqual(['editMessageText 400', 'editMessageText 400']);
    expect([first.edits.length, second.edits.length]).toEqual(edits);
    const rows = await t.vigil.database.db.selectFrom('chat_messages').selectAll().where('incident_id', '=', incident.id).execute();
    expect(rows.map((r) => [r.attempts, r.shown_state.split(':')[1], Number(r.next_sync_at)])).toEqual([
      [0, 'low', 0],
      [0, 'low', 0],
    ]);
    // Not tried again.
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 3_600_000 });
    await t.vigil.engine.runOnce();
    expect(telegram.refused.length).toBe(refusedBefore + 2);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    await t.vigil.engine.runOnce();
    for (const m of [first, second]) expect(m.edits.at(-1)?.text.split('\n')[0]).toMatch(/^☑️ <b>Resolved<\/b>/);
  });

  it('pages low urgency without a sound', async () => {
    const { incident, sent } = await page('low', 'Disk 80%');
    expect(sent.map((m) => [m.silent, m.text.split('\n')[0]])).toEqual([[true, '🟡 <b>Triggered</b> (low urgency) · Step 1 of 1']]);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('waits out flood control for retry_after through the outbox, then delivers', async () => {
    telegram.rateLimit(1, 42);
    const { incident, sent } = await page('high', 'Rate limited');
    expect(sent).toHaveLength(0);
    const [pending] = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.notifications;
    expect(pending).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Telegram answered 429: Too Many Requests: retry after 42' });
    const now = (await t.anonymous.get('/api/v1/test/clock')).body;
    // The first retry's backoff (30 s) is shorter than what Telegram asked for.
    expect(Date.parse(pending.dueAt) - Date.parse(now.now)).toBe(42_000);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 43_000 });
    const before = telegram.messages.length;
    await t.vigil.engine.runOnce();
    expect(telegram.messages.slice(before).map((m) => m.chatId)).toEqual([ALICE_CHAT]);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('fails a page at once when the person blocked the bot', async () => {
    telegram.block(ALICE_CHAT);
    const { incident, sent } = await page('high', 'Blocked');
    expect(sent).toHaveLength(0);
    const [failed] = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.notifications;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Telegram answered 403: Forbidden: bot was blocked by the user' });
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });
});
