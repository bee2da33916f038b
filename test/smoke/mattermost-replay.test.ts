import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { mattermostId, startMattermostFake, type MattermostFake, type MattermostPost } from '../support/mattermost-fake.js';
import { deliverToApp } from '../support/mattermost-in-process.js';
import { useTestApp } from '../support/test-app.js';

const SEEDED = '2026-03-02T12:00:00.000Z';
const OPS = mattermostId('ops');
const OUT_OF_DATE = 'This message was out of date; it has been updated — press again if you still need to.';

const contextOf = (p: MattermostPost, button: string) => p.props.attachments?.[0]?.actions?.find((a) => a.id === button)?.integration.context as Record<string, unknown>;

/** A press counts only on a post showing its incident as it is now; and Mattermost's rate limiter is waited out for pages and edits alike. */
describeEachDatabase('Mattermost replays and rate limits', (dialect) => {
  let mm = {} as MattermostFake;
  beforeAll(async () => void (mm = await startMattermostFake()));
  afterAll(() => mm.close());
  const t = useTestApp(dialect, { frozenAt: SEEDED, config: () => ({ mattermost: { url: mm.url, botToken: mm.token } }) });
  const alice = mattermostId('alice');
  let teamId = '';
  let policyId = '';

  beforeAll(async () => {
    deliverToApp(mm, t);
    mm.addChannel(OPS);
    mm.addUser({ id: alice, username: 'alice', email: 'alice@example.com', emailVerified: true });
    teamId = (await t.admin.get('/api/v1/teams')).body.items.find((x: { name: string }) => x.name === 'Platform').id;
    policyId = (await t.admin.post('/api/v1/escalation-policies', { name: 'Mattermost ops', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'mattermost_channel', channelId: OPS }] }] })).body.id;
  });

  const now = () => t.vigil.clock.now();
  const detail = async (id: string) => (await t.admin.get(`/api/v1/incidents/${id}`)).body;
  const timelineKinds = async (id: string) => ((await detail(id)).timeline as { kind: string }[]).map((e) => e.kind);
  async function page(title: string) {
    const monitor = await t.admin.post('/api/v1/monitors', { name: `MM ${title}`, teamId, policyId, urgency: 'high' });
    const incident = (await t.admin.post(`/api/v1/monitors/${monitor.body.id}/alerts`, { title })).body.incident.id as string;
    await t.vigil.engine.runOnce();
    return { incident, post: mm.postedTo(OPS).at(-1) as MattermostPost };
  }

  it('refuses a replay of an accepted acknowledge, then of an accepted resolve, once the incident moved on', async () => {
    const { incident, post } = await page('Replayed presses');
    const ackState = contextOf(post, 'acknowledge').state;
    expect(await mm.press(post.id, 'acknowledge', alice)).toEqual({ status: 200, body: {} });
    const ack = mm.actionRequests.at(-1) as { url: string; body: string };
    await t.vigil.engine.runOnce();
    // The edit re-signed the buttons for the state the post shows now.
    expect(contextOf(post, 'resolve').state).not.toBe(ackState);
    expect(await mm.press(post.id, 'resolve', alice)).toEqual({ status: 200, body: {} });
    const resolve = mm.actionRequests.at(-1) as { url: string; body: string };
    expect(await detail(incident)).toMatchObject({ status: 'resolved' });
    const before = await timelineKinds(incident);

    // Each request captured as Mattermost sent it, sent again byte for byte.
    for (const captured of [ack, resolve, ack]) {
      expect(await mm.deliver(captured.url, 'application/json', captured.body)).toEqual({ status: 200, body: { ephemeral_text: OUT_OF_DATE } });
    }
    expect(await detail(incident)).toMatchObject({ status: 'resolved' });
    expect(await timelineKinds(incident)).toEqual(before);
  });

  it('refuses a press on a post the chat sync has not edited yet, and the post catches up', async () => {
    const { incident, post } = await page('Stale post');
    // The button as the post shows it while the incident is triggered. The engine, woken by
    // the acknowledge, may edit the post before the press arrives: the press is sent with
    // the context the user saw, as Mattermost sends a press on a post it has not refreshed.
    const stale = contextOf(post, 'resolve');
    await t.admin.post(`/api/v1/incidents/${incident}/acknowledge`);
    expect(await mm.press(post.id, 'resolve', alice, stale)).toEqual({ status: 200, body: { ephemeral_text: OUT_OF_DATE } });
    expect(await detail(incident)).toMatchObject({ status: 'acknowledged' });
    await t.vigil.engine.runOnce();
    await vi.waitFor(() => expect(post.versions).toHaveLength(2));
    expect(contextOf(post, 'resolve').state).toMatch(/^acknowledged:/);
    // Pressed again on the edited post, it counts.
    expect(await mm.press(post.id, 'resolve', alice)).toEqual({ status: 200, body: {} });
    expect(await detail(incident)).toMatchObject({ status: 'resolved' });
    await t.vigil.engine.runOnce();
  });

  it('refuses a context whose state was changed to the current one: the token covers the state (401)', async () => {
    const { incident, post } = await page('Forged state');
    const old = contextOf(post, 'resolve');
    await t.admin.post(`/api/v1/incidents/${incident}/acknowledge`);
    await t.vigil.engine.runOnce();
    const current = contextOf(post, 'resolve');
    expect((await mm.press(post.id, 'resolve', alice, { ...old, state: current.state })).status).toBe(401);
    expect((await mm.press(post.id, 'resolve', alice, { ...current, token: old.token })).status).toBe(401);
    expect(await detail(incident)).toMatchObject({ status: 'acknowledged' });
    await t.admin.post(`/api/v1/incidents/${incident}/resolve`);
    await t.vigil.engine.runOnce();
  });

  it("waits out a 429 on a page for its Retry-After and posts once", async () => {
    mm.rateLimit(1, 120);
    const { incident } = await page('Rate limited page');
    expect(mm.postedTo(OPS).filter((p) => p.props.attachments?.[0]?.title === 'Rate limited page')).toHaveLength(0);
    const [pending] = (await detail(incident)).notifications;
    expect(pending).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Mattermost POST posts answered HTTP 429' });
    expect(Date.parse(pending.dueAt) - now()).toBe(120_000);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 119_000 });
    await t.vigil.engine.runOnce();
    expect(mm.limited).toBe(1);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 2_000 });
    await t.vigil.engine.runOnce();
    expect(mm.postedTo(OPS).filter((p) => p.props.attachments?.[0]?.title === 'Rate limited page')).toHaveLength(1);
    expect((await detail(incident)).notifications).toMatchObject([{ status: 'sent', attempts: 2 }]);
    await t.admin.post(`/api/v1/incidents/${incident}/resolve`);
    await t.vigil.engine.runOnce();
  });

  it("waits out a 429 on an edit for its Retry-After, then shows the incident as it is by then", async () => {
    const { incident, post } = await page('Rate limited edit');
    mm.rateLimit(1, 200);
    await t.admin.post(`/api/v1/incidents/${incident}/acknowledge`);
    await t.vigil.engine.runOnce();
    expect(post.versions).toHaveLength(1);
    const row = await t.vigil.database.db.selectFrom('chat_messages').selectAll().where('message_ref', '=', post.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ provider: 'mattermost_channel', attempts: 1 });
    expect(Number(row.next_sync_at) - now()).toBe(200_000);
    await t.admin.post(`/api/v1/incidents/${incident}/resolve`);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 201_000 });
    await t.vigil.engine.runOnce();
    expect(post.versions).toHaveLength(2);
    expect(JSON.stringify(post.props.attachments)).toContain('**Resolved**');
    expect(mm.postedTo(OPS).filter((p) => p.props.attachments?.[0]?.title === 'Rate limited edit')).toHaveLength(1);
  });
});
