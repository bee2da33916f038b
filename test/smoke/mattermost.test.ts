import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { demoAdmin } from '../support/demo-admin.js';
import { mattermostId, startMattermostFake, type MattermostFake, type MattermostPost } from '../support/mattermost-fake.js';
import { deliverToApp } from '../support/mattermost-in-process.js';
import { useTestApp } from '../support/test-app.js';

const SEEDED = '2026-03-02T12:00:00.000Z';
const COMMAND_TOKEN = 'cmdtoken0123456789abcdefgh';
const OPS = mattermostId('ops');

const buttonsOf = (p: MattermostPost | undefined) => (p?.props.attachments ?? []).flatMap((a) => (a.actions ?? []).map((b) => b.id));
const shown = (p: MattermostPost | undefined) => JSON.stringify(p?.props.attachments ?? []);

/** Mattermost end to end: pages posted to a channel with buttons, presses and /vigil acting as the mapped Vigil user, the post patched as the incident changes. */
describeEachDatabase('Mattermost', (dialect) => {
  let mm = {} as MattermostFake;
  beforeAll(async () => void (mm = await startMattermostFake()));
  afterAll(() => mm.close());
  const t = useTestApp(dialect, { frozenAt: SEEDED, config: () => ({ mattermost: { url: mm.url, botToken: mm.token, commandToken: COMMAND_TOKEN } }) });
  const account = { alice: mattermostId('alice'), dave: mattermostId('dave'), unverified: mattermostId('mallory'), stranger: mattermostId('stranger') };
  let teamId = '';
  let policyId = '';
  let aliceId = '';
  let adminName = '';

  beforeAll(async () => {
    deliverToApp(mm, t);
    mm.addChannel(OPS);
    mm.addUser({ id: account.alice, username: 'alice', email: 'Alice@Example.com', emailVerified: true });
    mm.addUser({ id: account.dave, username: 'dave', email: 'dave@example.com', emailVerified: true });
    // Anyone can type someone else's address into an account: unverified, it names nobody.
    mm.addUser({ id: account.unverified, username: 'mallory', email: 'alice@example.com', emailVerified: false });
    mm.addUser({ id: account.stranger, username: 'stranger', email: 'stranger@elsewhere.test', emailVerified: true });
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string; name: string }[];
    aliceId = users.find((u) => u.email === 'alice@example.com')?.id as string;
    adminName = users.find((u) => u.email === demoAdmin.email)?.name as string;
    teamId = (await t.admin.get('/api/v1/teams')).body.items.find((x: { name: string }) => x.name === 'Platform').id;
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'Mattermost ops', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'mattermost_channel', channelId: OPS }] }] });
    expect(policy.status).toBe(201);
    policyId = policy.body.id;
  });

  async function page(title: string) {
    const monitor = await t.admin.post('/api/v1/monitors', { name: `MM ${title}`, teamId, policyId, urgency: 'high' });
    const incident = (await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title, description: 'p99 over 2 s' })).body.incident as { id: string };
    await t.vigil.engine.runOnce();
    return { incident, post: mm.postedTo(OPS).at(-1) as MattermostPost };
  }
  const detail = async (id: string) => (await t.admin.get(`/api/v1/incidents/${id}`)).body;
  const command = (token: string, userId: string, text: string) => mm.command('http://127.0.0.1:8080/api/v1/integrations/mattermost/commands', { token, user_id: userId, text });

  it('shows a Mattermost channel step in the paging plan, and refuses a malformed channel id at the field', async () => {
    const plan = (await t.admin.get(`/api/v1/escalation-policies/${policyId}/paging-plan`)).body;
    expect(plan.steps[0].recipients).toMatchObject([{ kind: 'mattermost_channel', channelId: OPS, reachable: true }]);
    const bad = await t.admin.post('/api/v1/escalation-policies', { name: 'Bad', teamId, steps: [{ waitSeconds: 60, targets: [{ type: 'mattermost_channel', channelId: '~town-square' }] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toMatch(/^\/body\/steps\/0\/targets\/0/);
  });

  it('posts a page with buttons; a press acknowledges it as the mapped user and the post is patched', async () => {
    const { incident, post } = await page('Checkout down');
    expect(post.channel_id).toBe(OPS);
    expect(buttonsOf(post)).toEqual(['acknowledge', 'resolve', 'escalate', 'snooze']);
    expect(post.props.attachments?.[0]).toMatchObject({ title: 'Checkout down', title_link: `http://127.0.0.1:8080/incidents/${incident.id}` });
    expect(mm.calls.find((c) => c.path === '/api/v4/posts')?.authorization).toBe(`Bearer ${mm.token}`);
    expect((await detail(incident.id)).notifications).toMatchObject([{ channel: 'mattermost_channel', status: 'sent' }]);

    const pressed = await mm.press(post.id, 'acknowledge', account.alice);
    expect(pressed).toEqual({ status: 200, body: {} });
    expect(await detail(incident.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: aliceId });
    await t.vigil.engine.runOnce();
    expect(post.versions).toHaveLength(2);
    expect(buttonsOf(post)).toEqual(['resolve', 'escalate', 'snooze']);
    expect(shown(post)).toContain('**Acknowledged** by Alice Senior');
    expect(mm.calls.some((c) => c.method === 'PUT' && c.path === `/api/v4/posts/${post.id}/patch`)).toBe(true);

    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    await t.vigil.engine.runOnce();
    expect(post.versions).toHaveLength(3);
    expect(buttonsOf(post)).toEqual([]);
    expect(shown(post)).toContain(`**Resolved** by ${adminName}`);
    // The resolved post has no button left to press.
    await expect(mm.press(post.id, 'acknowledge', account.alice)).rejects.toThrow('has no button');
  });

  it('fails a page at once when the bot is not in the channel, saying why', async () => {
    const outside = mattermostId('outside');
    mm.addChannel(outside, { member: false });
    const policy = (await t.admin.post('/api/v1/escalation-policies', { name: 'Outside', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'mattermost_channel', channelId: outside }] }] })).body.id;
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'MM outside', teamId, policyId: policy, urgency: 'high' });
    const incident = (await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title: 'Not a member' })).body.incident as { id: string };
    await t.vigil.engine.runOnce();
    expect(mm.postedTo(outside)).toEqual([]);
    expect((await detail(incident.id)).notifications).toMatchObject([{ status: 'failed', attempts: 1, lastError: 'Mattermost POST posts answered HTTP 403 (api.context.permissions.app_error)' }]);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('refuses a press whose context Vigil did not sign, and changes nothing', async () => {
    const { incident, post } = await page('Forged press');
    const context = post.props.attachments?.[0]?.actions?.find((a) => a.id === 'resolve')?.integration.context as Record<string, unknown>;
    // The resolve button's token presented as an acknowledge, or for another incident, or none.
    for (const forged of [{ ...context, action: 'acknowledge' }, { ...context, incidentId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }, { action: 'resolve', incidentId: incident.id }]) {
      expect((await mm.press(post.id, 'resolve', account.alice, forged)).status).toBe(401);
    }
    expect(await detail(incident.id)).toMatchObject({ status: 'triggered' });
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    await t.vigil.engine.runOnce();
  });

  it('refuses a press by an unmapped, unverified or unauthorised account with an ephemeral answer', async () => {
    const { incident, post } = await page('Refused press');
    const stranger = await mm.press(post.id, 'acknowledge', account.stranger);
    expect(stranger).toMatchObject({ status: 200, body: { ephemeral_text: expect.stringContaining('Vigil does not know who you are') } });
    const unverified = await mm.press(post.id, 'acknowledge', account.unverified);
    expect(unverified.body.ephemeral_text).toContain('Vigil does not know who you are');
    const viewer = await mm.press(post.id, 'acknowledge', account.dave);
    expect(viewer.body.ephemeral_text).toContain('Dave Viewer, you cannot act on this incident');
    expect(await detail(incident.id)).toMatchObject({ status: 'triggered' });
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    await t.vigil.engine.runOnce();
  });

  it('refuses a slash command with a wrong token (401), and pages a schedule with the right one', async () => {
    expect((await command('wrongtoken0123456789abcdef', account.alice, 'oncall')).status).toBe(401);
    const paged = await command(COMMAND_TOKEN, account.alice, 'page Platform on-call Payments are failing for EU cards');
    expect(paged.status).toBe(200);
    expect(paged.body.response_type).toBe('ephemeral');
    const text = paged.body.text as string;
    expect(text).toMatch(/^Paged schedule \*\*Platform on-call\*\*: “Payments are failing for EU cards”\. \[Open in Vigil\]\(<http:\/\/127\.0\.0\.1:8080\/incidents\/[0-9a-f-]{36}>\)$/);
    const id = /incidents\/([0-9a-f-]{36})/.exec(text)?.[1] as string;
    expect(await detail(id)).toMatchObject({ title: 'Payments are failing for EU cards', status: 'triggered' });
    const acked = await command(COMMAND_TOKEN, account.alice, `ack ${id}`);
    expect(acked.body.text).toBe('“Payments are failing for EU cards” acknowledged by Alice Senior.');
    expect((await command(COMMAND_TOKEN, account.alice, 'help')).body.text).toContain('`/vigil oncall [schedule]`');
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
  });
});
