import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { mattermostId, startMattermostFake, type MattermostFake, type MattermostPost } from '../support/mattermost-fake.js';
import { deliverToApp } from '../support/mattermost-in-process.js';
import { useTestApp } from '../support/test-app.js';

const SEEDED = '2026-03-02T12:00:00.000Z';

const buttonsOf = (p: MattermostPost | undefined) => (p?.props.attachments ?? []).flatMap((a) => (a.actions ?? []).map((b) => b.id));
const codeIn = (posts: MattermostPost[]) => /verification code is (\d{6})/.exec(posts.at(-1)?.message ?? '')?.[1];

/** The mattermost_dm contact method: verified by a code the bot DMs, paged in that DM with buttons, and the link presses and /vigil go by. */
describeEachDatabase('Mattermost direct messages', (dialect) => {
  let mm = {} as MattermostFake;
  beforeAll(async () => void (mm = await startMattermostFake()));
  afterAll(() => mm.close());
  const t = useTestApp(dialect, { frozenAt: SEEDED, config: () => ({ mattermost: { url: mm.url, botToken: mm.token, commandToken: 'cmdtoken0123456789abcdefgh' } }) });
  // Bob's Mattermost email is not verified: only the link from his profile can name him.
  const account = { bob: mattermostId('bob'), shared: mattermostId('shared') };
  let teamId = '';
  let users: Record<'alice' | 'bob', string> = { alice: '', bob: '' };

  beforeAll(async () => {
    deliverToApp(mm, t);
    mm.addUser({ id: account.bob, username: 'bob', email: 'bob@example.com', emailVerified: false });
    mm.addUser({ id: account.shared, username: 'shared', email: 'shared@example.com', emailVerified: false });
    const all = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    users = { alice: all.find((u) => u.email === 'alice@example.com')?.id as string, bob: all.find((u) => u.email === 'bob@example.com')?.id as string };
    teamId = (await t.admin.get('/api/v1/teams')).body.items.find((x: { name: string }) => x.name === 'Platform').id;
  });

  const methods = (userId: string) => `/api/v1/users/${userId}/contact-methods`;
  const detail = async (id: string) => (await t.admin.get(`/api/v1/incidents/${id}`)).body;
  const command = (userId: string, text: string) => mm.command('http://127.0.0.1:8080/api/v1/integrations/mattermost/commands', { token: 'cmdtoken0123456789abcdefgh', user_id: userId, text });

  /** Adds a Mattermost DM method to `userId` and enters the code the bot sent. */
  async function link(userId: string, mattermostUserId: string) {
    const added = await t.admin.post(methods(userId), { kind: 'mattermost_dm', address: mattermostUserId, label: 'Mattermost' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'mattermost_dm', verified: false, verification: { sent: true } });
    const verified = await t.admin.post(`${methods(userId)}/${added.body.id}/verify`, { code: codeIn(mm.directTo(mattermostUserId)) });
    expect(verified.body).toMatchObject({ verified: true });
    return added.body.id as string;
  }

  it('refuses an address that is not a Mattermost user ID, at the field', async () => {
    for (const address of ['@bob', 'bob', account.bob.toUpperCase(), `${account.bob}x`]) {
      const bad = await t.admin.post(methods(users.bob), { kind: 'mattermost_dm', address });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ path: '/body/address', message: expect.stringContaining('Mattermost user ID') }]);
    }
  });

  it('says how to link an unknown account, naming its user ID', async () => {
    expect(await command(account.bob, 'oncall')).toMatchObject({ status: 200, body: { text: expect.stringContaining(`with your user ID \`${account.bob}\``) } });
  });

  it('verifies a DM method with the code the bot sends in its direct channel, then pages it there with buttons a press acts on as the linked user', async () => {
    // Bob's first method: it gets an immediate notification rule.
    await link(users.bob, account.bob);
    // The bot asked who it is, then opened its DM with Bob, as itself.
    const me = mm.calls.filter((c) => c.method === 'GET' && c.path === '/api/v4/users/me');
    expect(me).toHaveLength(1);
    expect(mm.calls.find((c) => c.path === '/api/v4/channels/direct')).toMatchObject({ method: 'POST', authorization: `Bearer ${mm.token}`, body: [mm.botUserId, account.bob] });
    const policy = (await t.admin.post('/api/v1/escalation-policies', { name: 'Bob by Mattermost', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: users.bob }] }] })).body.id;
    const plan = (await t.admin.get(`/api/v1/escalation-policies/${policy}/paging-plan`)).body;
    expect(plan.steps[0].recipients[0].notifications).toContainEqual(expect.objectContaining({ kind: 'mattermost_dm', status: 'pages' }));

    const monitor = (await t.admin.post('/api/v1/monitors', { name: 'Queue', teamId, policyId: policy, urgency: 'high' })).body.id;
    const incident = (await t.admin.post(`/api/v1/monitors/${monitor}/alerts`, { title: 'Queue backlog' })).body.incident.id as string;
    await t.vigil.engine.runOnce();
    const post = mm.directTo(account.bob).at(-1) as MattermostPost;
    expect(post.props.attachments?.[0]?.title).toBe('Queue backlog');
    expect(buttonsOf(post)).toEqual(['acknowledge', 'resolve', 'escalate', 'snooze']);
    // The bot's id is asked once; its DM with Bob is the same channel as the code's.
    expect(mm.calls.filter((c) => c.path === '/api/v4/users/me')).toHaveLength(1);
    expect((await detail(incident)).notifications).toMatchObject([{ channel: 'mattermost_dm', status: 'sent' }]);

    expect(await mm.press(post.id, 'acknowledge', account.bob)).toEqual({ status: 200, body: {} });
    expect(await detail(incident)).toMatchObject({ status: 'acknowledged', acknowledgedBy: users.bob });
    await t.vigil.engine.runOnce();
    expect(post.versions).toHaveLength(2);
    expect(JSON.stringify(post.props.attachments)).toContain('**Acknowledged** by Bob Night');
    expect(buttonsOf(post)).toEqual(['resolve', 'escalate', 'snooze']);
    // /vigil knows him by the same link.
    expect((await command(account.bob, `resolve ${incident}`)).body.text).toBe('“Queue backlog” resolved by Bob Night.');
    await t.vigil.engine.runOnce();
  });

  it('fails the code at once when the user ID names nobody on the Mattermost server, saying why', async () => {
    const added = await t.admin.post(methods(users.alice), { kind: 'mattermost_dm', address: mattermostId('nobody') });
    expect(added.body.verification).toEqual({ sent: false, error: 'Mattermost POST channels answered HTTP 404 (app.user.missing_account.const)' });
    await t.admin.delete(`${methods(users.alice)}/${added.body.id}`);
  });

  it('acts as nobody for an account two Vigil users linked, and says so', async () => {
    await link(users.alice, account.shared);
    await link(users.bob, account.shared);
    const answer = await command(account.shared, 'oncall');
    expect(answer.body.text).toBe('Your Mattermost account is linked to more than one Vigil user: remove the Mattermost contact method from the one you do not use.');
  });
});
