import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const INCIDENTS = 1000;
const KILLS = 5;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * An escalation storm while the only node is killed with SIGKILL again and again.
 * Alerts are retried by the client until accepted (dedup keys make retries safe).
 * Afterwards every page that was due has been delivered, and no page was enqueued
 * twice: the receiver sees exactly the expected set of idempotency keys. A page in
 * flight at the instant of a kill may arrive twice with the same key (delivery is at
 * least once); receivers drop it by key, and the test reports how often it happened.
 */
describeEachDatabase('chaos: kill -9 during an escalation storm', (dialect) => {
  let db: TestDatabase;
  let receiver: WebhookReceiver;
  let server: ServerProcess;
  let port = 0;
  let env: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    receiver = await startWebhookReceiver();
    port = await freePort();
    env = { VIGIL_DATABASE_URL: db.url, VIGIL_SECRET: 'chaos-secret-chaos-secret-chaos-secret' };
    server = await startServerProcess(env, port);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    await db?.drop();
  });

  it('delivers every due page exactly once per idempotency key across crashes', async () => {
    const api = async (method: string, path: string, body?: unknown, token?: string): Promise<Response> =>
      fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    const login = await api('POST', '/auth/login', { email: 'admin@example.com', password: 'vigil-demo' });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const token = (
      (await (
        await fetch(`${server.url}/api/v1/me/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
          body: JSON.stringify({ name: 'chaos' }),
        })
      ).json()) as { token: string }
    ).token;
    const users = ((await (await api('GET', '/users?limit=200', undefined, token)).json()) as { items: { id: string; email: string }[] }).items;
    const id = (name: string) => users.find((u) => u.email === `${name}@example.com`)?.id as string;
    for (const who of ['alice', 'bob']) {
      const res = await api('POST', `/users/${id(who)}/contact-methods`, { kind: 'webhook', address: receiver.url(`/${who}`) }, token);
      expect(res.status).toBe(201);
    }
    const teamId = ((await (await api('GET', '/teams', undefined, token)).json()) as { items: { id: string }[] }).items[0]?.id;
    const policy = (await (
      await api('POST', '/escalation-policies', {
        name: 'Storm',
        teamId,
        steps: [
          { waitSeconds: 3, targets: [{ type: 'user', userId: id('alice') }] },
          { waitSeconds: 3, targets: [{ type: 'user', userId: id('bob') }] },
        ],
      }, token)
    ).json()) as { id: string };
    const monitor = (await (await api('POST', '/monitors', { name: 'Storm', teamId, policyId: policy.id }, token)).json()) as { id: string };

    // Raise the storm while a chaos loop kills and restarts the node.
    let raised = 0;
    let kills = 0;
    const chaos = (async () => {
      while (kills < KILLS) {
        await new Promise((r) => setTimeout(r, 700 + Math.random() * 1300));
        await server.kill9();
        kills++;
        server = await startServerProcess(env, port);
      }
    })();
    const incidents = new Set<string>();
    for (let i = 0; i < INCIDENTS; i++) {
      for (;;) {
        const res = await api('POST', `/monitors/${monitor.id}/alerts`, { title: `storm ${i}`, dedupKey: `storm-${i}` }, token).catch(() => null);
        if (res && (res.status === 201 || res.status === 200)) {
          incidents.add(((await res.json()) as { incident: { id: string } }).incident.id);
          raised++;
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    await chaos;
    expect(raised).toBe(INCIDENTS);
    expect(incidents.size).toBe(INCIDENTS);

    // Step 2 comes 3 s after step 1; then the policy is exhausted. Wait for the outbox to drain.
    const expected = INCIDENTS * 2;
    const deadline = Date.now() + 90_000;
    while (new Set(receiver.received.map((r) => r.idempotencyKey)).size < expected && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
    }
    await new Promise((r) => setTimeout(r, 4000));

    const keys = receiver.received.map((r) => r.idempotencyKey);
    const distinct = new Set(keys);
    const perIncident = new Map<string, string[]>();
    for (const r of receiver.received) {
      const incidentId = r.body.incident?.id as string;
      const list = perIncident.get(incidentId) ?? [];
      if (!list.includes(`${r.path}:${r.idempotencyKey}`)) list.push(`${r.path}:${r.idempotencyKey}`);
      perIncident.set(incidentId, list);
    }
    console.info(JSON.stringify({ dialect, kills, incidents: incidents.size, deliveries: keys.length, distinctKeys: distinct.size, redeliveries: keys.length - distinct.size }));
    expect(kills).toBe(KILLS);
    expect(distinct.size).toBe(expected);
    expect([...perIncident.keys()].sort()).toEqual([...incidents].sort());
    for (const pages of perIncident.values()) expect(pages.map((p) => p.split(':')[0]).sort()).toEqual(['/alice', '/bob']);
  }, 240_000);
});
