import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { awaitPages, expectExactPages, freePort, prepareStorm, sleep } from '../support/storm.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const INCIDENTS = 600;
const KILLS = 5;
const PEOPLE = ['alice', 'bob'];

/**
 * An escalation storm while nodes are killed with SIGKILL again and again: the only node
 * on SQLite, one of three sharing PostgreSQL. Alerts are retried by the client until
 * accepted (dedup keys make retries safe). Afterwards every page that was due has been
 * delivered and none was enqueued twice: the receiver sees exactly the expected set of
 * idempotency keys. A page in flight at the instant of a kill may arrive twice with the
 * same key (delivery is at least once); the test reports how often.
 */
describeEachDatabase('chaos: kill -9 during an escalation storm', (dialect) => {
  let db: TestDatabase;
  let receiver: WebhookReceiver;
  const nodes: ServerProcess[] = [];
  const ports: number[] = [];
  let env: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    receiver = await startWebhookReceiver();
    env = { VIGIL_DATABASE_URL: db.url, VIGIL_SECRET: 'chaos-secret-chaos-secret-chaos-secret' };
    const count = dialect === 'postgres' ? 3 : 1;
    for (let i = 0; i < count; i++) ports.push(await freePort());
    // Several nodes starting together on an empty database: one migrates and seeds, the others wait.
    nodes.push(...(await Promise.all(ports.map((port) => startServerProcess(env, port)))));
  }, 150_000);

  afterAll(async () => {
    for (const node of nodes) await node.stop();
    await receiver?.close();
    await db?.drop();
  });

  it('delivers every due page exactly once per idempotency key across crashes', async () => {
    const storm = await prepareStorm(() => nodes.filter((n) => n.alive()).map((n) => n.url), receiver, PEOPLE, 3);
    const demoTeams = ((await (await storm.api('GET', '/teams')).json()) as { items: { name: string }[] }).items.filter((t) => t.name === 'Platform');
    expect(demoTeams).toHaveLength(1);

    let kills = 0;
    const chaos = (async () => {
      while (kills < KILLS) {
        await sleep(700 + Math.random() * 1300);
        const victim = Math.floor(Math.random() * nodes.length);
        await nodes[victim]?.kill9();
        kills++;
        nodes[victim] = await startServerProcess(env, ports[victim] as number);
      }
    })();
    const incidents = new Set<string>();
    for (let i = 0; i < INCIDENTS; i++) incidents.add(await storm.raise(i));
    await chaos;
    expect(incidents.size).toBe(INCIDENTS);
    expect(storm.statuses.get(500) ?? 0).toBe(0);

    await awaitPages(receiver, INCIDENTS * PEOPLE.length, 90_000);
    const { deliveries, redeliveries } = expectExactPages(receiver, incidents, PEOPLE);
    console.info(JSON.stringify({ dialect, nodes: nodes.length, kills, incidents: incidents.size, deliveries, redeliveries }));
    expect(kills).toBe(KILLS);
  }, 240_000);
});
