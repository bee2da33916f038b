import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { buttonPress, newSlackUserId, newSlackWorkspace, signSlack, slashCommand, startSlackHooks, type SlackHooks, type SlackRequest, type SlackWorkspace } from '../support/slack-callbacks.js';
import { useSlackFake } from '../support/slack-fake-hooks.js';
import { useTestApp } from '../support/test-app.js';

const SEEDED = '2026-03-02T12:00:00.000Z';
const SIGNING_SECRET = 'e3b0c44298fc1c149afbf4c8996fb924';

/** Slack's requests to Vigil: buttons on incident messages and /vigil, each verified, attributed to a mapped Vigil user with their rights. */
describeEachDatabase('Slack interactivity and slash commands', (dialect) => {
  const slack = useSlackFake();
  let hooks = {} as SlackHooks;
  beforeAll(async () => void (hooks = await startSlackHooks()));
  afterAll(() => hooks.close());
  const t = useTestApp(dialect, { frozenAt: SEEDED, config: () => ({ slack: { botToken: slack.token, signingSecret: SIGNING_SECRET, apiUrl: slack.url } }) });
  const member = { alice: newSlackUserId(), bob: newSlackUserId(), dave: newSlackUserId(), unconfirmed: newSlackUserId(), stranger: newSlackUserId() };
  let workspace = {} as SlackWorkspace;
  let monitorId = '';
  let aliceId = '';
  let bobId = '';
  let teamId = '';

  beforeAll(async () => {
    workspace = newSlackWorkspace(hooks.url);
    slack.addUser({ id: member.alice, name: 'alice', email: 'Alice@Example.com', emailConfirmed: true });
    slack.addUser({ id: member.dave, name: 'dave', email: 'dave@example.com', emailConfirmed: true });
    // Bob's Slack email is not his Vigil one: only the link from his profile says who he is.
    slack.addUser({ id: member.bob, name: 'bob', email: 'bob.night@elsewhere.test', emailConfirmed: true });
    // Anyone can type someone else's address into their Slack profile: unconfirmed, it names nobody.
    slack.addUser({ id: member.unconfirmed, name: 'mallory', email: 'alice@example.com', emailConfirmed: false });
    monitorId = (await t.admin.get('/api/v1/monitors')).body.items.find((m: { name: string }) => m.name === 'Demo API').id;
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    aliceId = users.find((u) => u.email === 'alice@example.com')?.id as string;
    bobId = users.find((u) => u.email === 'bob@example.com')?.id as string;
    teamId = (await t.admin.get('/api/v1/teams')).body.items.find((x: { name: string }) => x.name === 'Platform').id;
  });

  const now = () => t.vigil.clock.now();
  const send = async ({ url, body, headers }: SlackRequest) => {
    const res = await t.vigil.app.inject({ method: 'POST', url, headers, payload: body });
    return { status: res.statusCode, body: res.body, json: () => res.json() as { response_type: string; text: string } };
  };
  const press = (userId: string, action: string, incidentId: string) => buttonPress(workspace, SIGNING_SECRET, now(), { userId, actionId: `vigil_${action}`, value: incidentId });
  const command = async (userId: string, text: string) => {
    const res = await send(slashCommand(workspace, SIGNING_SECRET, now(), { userId, text }));
    expect(res.status).toBe(200);
    expect(res.json().response_type).toBe('ephemeral');
    return res.json().text;
  };
  const incident = async (title: string) => (await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title })).body.incident.id as string;
  const detail = async (id: string) => (await t.admin.get(`/api/v1/incidents/${id}`)).body;
  /** What Vigil told the member who pressed, once it arrives (it is sent after the 200). */
  const whispered = async (request: { responseUrl: string }) => {
    await vi.waitFor(() => expect(hooks.answersTo(request.responseUrl)).toHaveLength(1));
    return hooks.answersTo(request.responseUrl)[0]?.body;
  };

  it('acknowledges, escalates, snoozes and resolves as the mapped user, telling nobody anything extra', async () => {
    const id = await incident('Checkout 502s');
    const ack = press(member.alice, 'acknowledge', id);
    expect((await send(ack)).status).toBe(200);
    expect(await detail(id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: aliceId });
    expect((await send(press(member.alice, 'escalate', id))).status).toBe(200);
    expect((await send(press(member.alice, 'snooze', id))).status).toBe(200);
    const timeline = (await detail(id)).timeline as { kind: string; actorId?: string | null; data: Record<string, unknown> }[];
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['acknowledged', 'snoozed']));
    const snoozed = timeline.find((e) => e.kind === 'snoozed');
    expect(snoozed?.data['until']).toBe(now() + 30 * 60_000);
    expect((await send(press(member.alice, 'resolve', id))).status).toBe(200);
    expect(await detail(id)).toMatchObject({ status: 'resolved' });
    expect(hooks.answersTo(ack.responseUrl)).toEqual([]);
    const late = press(member.alice, 'acknowledge', id);
    expect((await send(late)).status).toBe(200);
    expect(await whispered(late)).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('already resolved') });
  });

  it("maps a member through the Slack DM contact method they verified, and updates every message of the incident after a press", async () => {
    expect((await command(member.bob, 'oncall')).startsWith('Vigil does not know who you are')).toBe(true);
    const added = await t.admin.post(`/api/v1/users/${bobId}/contact-methods`, { kind: 'slack_dm', address: member.bob });
    expect(added.status).toBe(201);
    const code = /verification code is (\d{6})/.exec(slack.postedTo(`D${member.bob.slice(1)}`).at(-1)?.text ?? '')?.[1];
    expect((await t.admin.post(`/api/v1/users/${bobId}/contact-methods/${added.body.id}/verify`, { code })).body.verified).toBe(true);
    slack.addChannel('C0ONCALL1');
    const policy = await t.admin.post('/api/v1/escalation-policies', {
      name: 'Slack room and Bob',
      teamId,
      steps: [{ waitSeconds: 600, targets: [{ type: 'slack_channel', channelId: 'C0ONCALL1' }, { type: 'user', userId: bobId }] }],
    });
    expect(policy.status).toBe(201);
    const monitor = (await t.admin.post('/api/v1/monitors', { name: 'Payments API', teamId, policyId: policy.body.id })).body.id;
    const id = (await t.admin.post(`/api/v1/monitors/${monitor}/alerts`, { title: 'Card payments failing' })).body.incident.id as string;
    await t.vigil.engine.runOnce();
    const [inChannel] = slack.postedTo('C0ONCALL1');
    const [inDm] = slack.postedTo(`D${member.bob.slice(1)}`).filter((m) => m.text.includes('Card payments failing'));
    const buttons = (m: typeof inChannel) => (m?.blocks ?? []).flatMap((b) => (b.type === 'actions' ? (b.elements as { action_id: string; value: string }[]) : []));
    expect(buttons(inChannel)).toContainEqual(expect.objectContaining({ action_id: 'vigil_acknowledge', value: id }));
    expect(buttons(inDm).map((b) => b.action_id)).toContain('vigil_acknowledge');

    const pressed = buttonPress(workspace, SIGNING_SECRET, now(), { userId: member.bob, actionId: 'vigil_acknowledge', value: id, channelId: 'C0ONCALL1', messageTs: inChannel?.ts });
    expect((await send(pressed)).status).toBe(200);
    expect(await detail(id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: bobId });
    await t.vigil.engine.runOnce();
    await vi.waitFor(() => {
      for (const message of [inChannel, inDm]) {
        expect(message?.versions.length).toBeGreaterThan(1);
        expect(buttons(message).map((b) => b.action_id)).not.toContain('vigil_acknowledge');
        expect(JSON.stringify(message?.blocks)).toContain('Bob Night');
      }
    });
    expect(hooks.answersTo(pressed.responseUrl)).toEqual([]);
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
  });

  it('refuses, only to the presser, a member Vigil cannot map and one without the right', async () => {
    const id = await incident('Queue backlog');
    for (const userId of [member.unconfirmed, member.stranger]) {
      const refused = press(userId, 'acknowledge', id);
      expect((await send(refused)).status).toBe(200);
      expect(await whispered(refused)).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('Vigil does not know who you are') });
    }
    const viewer = press(member.dave, 'resolve', id);
    expect((await send(viewer)).status).toBe(200);
    expect(await whispered(viewer)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Dave Viewer, you cannot act on this incident') });
    const unknown = press(member.alice, 'acknowledge', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    expect((await send(unknown)).status).toBe(200);
    expect(await whispered(unknown)).toMatchObject({ text: expect.stringContaining('no such incident') });
    expect(await detail(id)).toMatchObject({ status: 'triggered', acknowledgedBy: null });
  });

  it('refuses a bad signature, another secret, an old timestamp and a replay with 401, acting on none', async () => {
    const id = await incident('Disk full');
    const good = press(member.alice, 'acknowledge', id);
    const tampered = { ...good, body: good.body.replace('vigil_acknowledge', 'vigil_resolve') };
    const otherSecret = { ...good, headers: signSlack('another-signing-secret', good.body, Math.floor(now() / 1000)) };
    const old = { ...good, headers: signSlack(SIGNING_SECRET, good.body, Math.floor(now() / 1000) - 301) };
    const unsigned = { ...good, headers: { 'content-type': good.headers['content-type'] as string } };
    for (const forged of [tampered, otherSecret, old, unsigned]) {
      const res = await send(forged);
      expect(res.status).toBe(401);
      expect(res.body).toContain('"code":"unauthenticated"');
    }
    expect(await detail(id)).toMatchObject({ status: 'triggered' });
    // Five minutes is also how long a signature is remembered: the same request again is refused.
    expect((await send(good)).status).toBe(200);
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
    expect((await send(good)).status).toBe(401);
    expect(await detail(id)).toMatchObject({ status: 'resolved', acknowledgedBy: aliceId });
    expect(hooks.answersTo(good.responseUrl)).toEqual([]);
    // Once the timestamp alone refuses it, the signature is forgotten.
    const remembered = () => t.vigil.database.db.selectFrom('provider_callbacks').select('id').where('id', '=', `slack:${good.headers['x-slack-signature']}`).execute();
    expect(await remembered()).toHaveLength(1);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 11 * 60_000 });
    await command(member.alice, 'help');
    expect(await remembered()).toEqual([]);
    expect((await send(good)).status).toBe(401);
  });

  it('pages a schedule from /vigil page as the mapped user, and acknowledges it with /vigil ack', async () => {
    const answer = await command(member.alice, 'page Platform on-call Payments are failing for EU cards');
    expect(answer).toMatch(/^Paged schedule \*Platform on-call\*: “Payments are failing for EU cards”\. <http:\/\/127\.0\.0\.1:8080\/incidents\/[0-9a-f-]{36}\|Open in Vigil>$/);
    const id = /incidents\/([0-9a-f-]{36})/.exec(answer)?.[1] as string;
    const paged = await detail(id);
    expect(paged).toMatchObject({ title: 'Payments are failing for EU cards', status: 'triggered' });
    expect((await t.admin.get(`/api/v1/monitors/${paged.monitorId}`)).body.name).toBe('Manual pages');
    expect(paged.timeline[0]).toMatchObject({ kind: 'triggered', actorId: aliceId });
    expect(await command(member.alice, `ack ${id}`)).toBe('“Payments are failing for EU cards” acknowledged by Alice Senior.');
    expect(await detail(id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: aliceId });
    expect(await command(member.alice, `resolve <http://127.0.0.1:8080/incidents/${id}>`)).toContain('resolved by Alice Senior');
    // A mention, as Slack escapes it, pages the Vigil user that member maps to.
    const mentioned = await command(member.dave, `page <@${member.alice}|alice> are you around?`);
    expect(mentioned).toBe('Vigil did not page: Viewers follow incidents; paging someone takes a responder.');
    const direct = await command(member.alice, `page <@${member.alice}|alice> reminder: rotate the certificates`);
    expect(direct).toMatch(/^Paged user \*Alice Senior\*: “reminder: rotate the certificates”\./);
    await t.admin.post(`/api/v1/incidents/${/incidents\/([0-9a-f-]{36})/.exec(direct)?.[1]}/resolve`);
  });

  it('answers /vigil oncall, help and what it cannot do', async () => {
    const onCall = await command(member.alice, 'oncall');
    expect(onCall).toMatch(/^On call now:\n• Platform L2 \(Platform\): \*.+\*/);
    expect(onCall).toContain('• Platform on-call (Platform): *');
    expect(await command(member.alice, 'oncall platform L2')).toMatch(/^On call now:\n• Platform L2 \(Platform\): \*[^*]+\*( until <!date\^\d+\^\{date_short_pretty\} \{time\}\|[^>]+>)?$/);
    expect(await command(member.alice, 'oncall Nope')).toBe('Vigil has no schedule called “Nope”.');
    expect(await command(member.alice, '')).toContain('`/vigil page <user|team|schedule> <message>`');
    expect(await command(member.alice, 'deploy')).toContain('Vigil does not know `deploy`');
    expect(await command(member.unconfirmed, 'oncall')).toContain('Vigil does not know who you are');
    expect(await command(member.dave, 'page Platform help')).toBe('Vigil did not page: Viewers follow incidents; paging someone takes a responder.');
    expect(await command(member.alice, 'page Platform on-call')).toContain('Say who to page and why');
    expect(await command(member.alice, 'ack')).toContain('Say which incident');
  });

  it('says so when Slack cannot tell who a member is, and asks again next time', async () => {
    const carol = newSlackUserId();
    slack.addUser({ id: carol, name: 'carol', email: 'carol@example.com', emailConfirmed: true });
    slack.rateLimit('users.info', 1, 30);
    expect(await command(carol, 'oncall')).toBe('Vigil could not ask Slack who you are just now: try again in a minute.');
    expect(await command(carol, 'oncall')).toMatch(/^On call now:/);
    const lookups = slack.calls.filter((c) => c.method === 'users.info' && c.body['user'] === carol);
    expect(lookups).toHaveLength(2);
    expect(lookups[1]).toMatchObject({ authorization: `Bearer ${slack.token}`, contentType: 'application/x-www-form-urlencoded' });
    // Kept for five minutes: a third command asks Slack nothing.
    await command(carol, 'help');
    await command(carol, 'oncall L2');
    expect(slack.calls.filter((c) => c.method === 'users.info' && c.body['user'] === carol)).toHaveLength(2);
  });
});
