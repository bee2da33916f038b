import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startSlackFake, type SlackFake } from '../support/slack-fake.js';
import { freePort, prepareStorm, sleep, type Storm } from '../support/storm.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const INCIDENTS = 30;
const CHANNEL = 'C0CHAOS01';

/**
 * Slack messages being edited when the node dies. Thirty incidents are posted to a channel;
 * they are acknowledged and the node is killed with SIGKILL while the chat sync edits
 * them (Slack rate-limits part of the edits, so some are waiting out Retry-After at the
 * kill); after a restart every message shows its incident acknowledged. Then the same
 * with resolving. What a message shows against its incident lives in the database, so
 * nothing a dead node was doing is lost: no message is left behind, none is posted twice,
 * and once a message shows its incident resolved it is never edited again.
 */
describeEachDatabase('chaos: kill -9 while chat messages are edited', (dialect) => {
  let db: TestDatabase;
  let slack: SlackFake;
  let receiver: WebhookReceiver;
  let node: ServerProcess;
  let env: Record<string, string> = {};
  let port = 0;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    slack = await startSlackFake();
    slack.addChannel(CHANNEL);
    receiver = await startWebhookReceiver();
    env = {
      VIGIL_DATABASE_URL: db.url,
      VIGIL_SECRET: 'chaos-secret-chaos-secret-chaos-secret',
      VIGIL_TEST_MODE: '1',
      VIGIL_SLACK_BOT_TOKEN: slack.token,
      VIGIL_SLACK_SIGNING_SECRET: 'chaossigningsecret0000000000000',
      VIGIL_SLACK_API_URL: slack.url,
    };
    port = await freePort();
    node = await startServerProcess(env, port);
  }, 150_000);

  afterAll(async () => {
    await node?.stop();
    await slack?.close();
    await receiver?.close();
    await db?.drop();
  });

  const messages = () => slack.postedTo(CHANNEL);
  /** What each message shows now, by the status word of its context line. */
  const shown = () => messages().map((m) => /\*(Triggered|Acknowledged|Resolved)\*/.exec(JSON.stringify(m.blocks))?.[1]);
  const until = async (check: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!check() && Date.now() < deadline) await sleep(200);
  };

  /**
   * Acts on every incident and kills the node while the chat sync is part way: Slack
   * answers the first 25 edits 429 with a 5 s Retry-After, so at the kill most messages are
   * waiting to be tried again. Restarts it; returns how many messages showed `word` at the kill.
   */
  async function actThenKill(storm: Storm, ids: string[], action: 'acknowledge' | 'resolve', word: string): Promise<number> {
    const edits = () => slack.calls.filter((c) => c.method === 'chat.update').length;
    const before = edits();
    slack.rateLimit('chat.update', 25, 5);
    const acted = await storm.api('POST', '/incidents/bulk', { action, ids });
    expect(acted.status).toBe(200);
    await until(() => edits() >= before + 25, 30_000);
    await node.kill9();
    const doneAtKill = shown().filter((s) => s === word).length;
    node = await startServerProcess(env, port);
    // The dead node's claims and the 429s' backoff (30 s at least) run out on the test clock.
    expect((await storm.api('POST', '/test/clock', { advanceMs: 60_000 })).status).toBe(200);
    return doneAtKill;
  }

  it('edits every message to its incident as it is after restarts, posts none twice, and leaves resolved ones alone', async () => {
    const started = Date.now();
    const storm = await prepareStorm(() => [node.url], receiver, ['alice'], 3600);
    const teamId = ((await (await storm.api('GET', '/teams')).json()) as { items: { id: string }[] }).items[0]?.id;
    const policy = (await (
      await storm.api('POST', '/escalation-policies', { name: 'Chat chaos', teamId, steps: [{ waitSeconds: 3600, targets: [{ type: 'slack_channel', channelId: CHANNEL }] }] })
    ).json()) as { id: string };
    expect((await storm.api('PATCH', `/monitors/${storm.monitorId}`, { policyId: policy.id })).status).toBe(200);

    const ids: string[] = [];
    for (let i = 0; i < INCIDENTS; i++) ids.push(await storm.raise(i));
    await until(() => messages().length >= INCIDENTS, 60_000);
    expect(shown()).toEqual(Array(INCIDENTS).fill('Triggered'));

    const acknowledgedAtKill = await actThenKill(storm, ids, 'acknowledge', 'Acknowledged');
    expect(acknowledgedAtKill).toBeLessThan(INCIDENTS);
    await until(() => shown().every((s) => s === 'Acknowledged'), 90_000);
    expect(shown()).toEqual(Array(INCIDENTS).fill('Acknowledged'));

    const resolvedAtKill = await actThenKill(storm, ids, 'resolve', 'Resolved');
    expect(resolvedAtKill).toBeLessThan(INCIDENTS);
    await until(() => shown().every((s) => s === 'Resolved'), 90_000);
    expect(shown()).toEqual(Array(INCIDENTS).fill('Resolved'));

    // Settled: a resolved message is never looked at again, whatever else happens.
    const editsSettled = slack.calls.filter((c) => c.method === 'chat.update').length;
    await sleep(3000);
    expect(slack.calls.filter((c) => c.method === 'chat.update').length).toBe(editsSettled);

    expect(messages()).toHaveLength(INCIDENTS);
    expect(new Set(messages().map((m) => m.text.match(/storm \d+/)?.[0])).size).toBe(INCIDENTS);
    // The post and one edit per change (3), and at most one more per kill: an edit in flight when the node died.
    const versions = messages().map((m) => m.versions.length);
    console.info(JSON.stringify({ dialect, messages: messages().length, acknowledgedAtKill, resolvedAtKill, seconds: Math.round((Date.now() - started) / 1000), edits: editsSettled, maxVersions: Math.max(...versions) }));
    expect(Math.max(...versions)).toBeLessThanOrEqual(5);
  }, 300_000);
});
