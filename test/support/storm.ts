import { createServer } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import { demoAdmin } from './demo-admin.js';
import { createTestDatabase, type TestDatabase, type TestDialect } from './databases.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type ApiCall = (method: string, path: string, body?: unknown) => Promise<Response>;

/** An escalation storm's setup on a running node: who is paged where, by which monitor. */
export interface Storm {
  api: ApiCall;
  monitorId: string;
  userIds: Record<string, string>;
  /** HTTP statuses answered to alerts, by status, including retried ones. */
  statuses: Map<number, number>;
  /** Raises alert `i` (dedup key storm-i), retrying on any node until one accepts it; returns its incident id. */
  raise(i: number): Promise<string>;
}

/**
 * Logs in to the demo on `urls()` (any live node), gives each of `people` a webhook
 * contact method on the receiver (path /<name>), and creates a policy paging them one
 * step each, `waitSeconds` apart, and a monitor on it.
 */
export async function prepareStorm(urls: () => string[], receiver: WebhookReceiver, people: string[], waitSeconds: number): Promise<Storm> {
  let token = '';
  let turn = 0;
  const api: ApiCall = async (method, path, body) => {
    const list = urls();
    const base = list[turn++ % list.length] as string;
    return fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  };
  const base = urls()[0] as string;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(demoAdmin),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const created = await fetch(`${base}/api/v1/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify({ name: 'storm' }),
  });
  token = ((await created.json()) as { token: string }).token;
  const users = ((await (await api('GET', '/users?limit=200')).json()) as { items: { id: string; email: string }[] }).items;
  const userIds: Record<string, string> = {};
  for (const who of people) {
    userIds[who] = users.find((u) => u.email === `${who}@example.com`)?.id as string;
    const res = await api('POST', `/users/${userIds[who]}/contact-methods`, { kind: 'webhook', address: receiver.url(`/${who}`) });
    expect(res.status).toBe(201);
  }
  const teamId = ((await (await api('GET', '/teams')).json()) as { items: { id: string }[] }).items[0]?.id;
  const policyRes = await api('POST', '/escalation-policies', {
    name: 'Storm',
    teamId,
    steps: people.map((who) => ({ waitSeconds, targets: [{ type: 'user', userId: userIds[who] }] })),
  });
  expect(policyRes.status).toBe(201);
  const policy = (await policyRes.json()) as { id: string };
  const monitor = (await (await api('POST', '/monitors', { name: 'Storm', teamId, policyId: policy.id })).json()) as { id: string };
  const statuses = new Map<number, number>();
  return {
    api,
    monitorId: monitor.id,
    userIds,
    statuses,
    async raise(i) {
      for (;;) {
        const res = await api('POST', `/monitors/${monitor.id}/alerts`, { title: `storm ${i}`, dedupKey: `storm-${i}` }).catch(() => null);
        if (res) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res && (res.status === 201 || res.status === 200)) return ((await res.json()) as { incident: { id: string } }).incident.id;
        await res?.arrayBuffer();
        await sleep(50);
      }
    },
  };
}

/** Waits until the receiver has `expected` distinct idempotency keys (or the deadline), then a little longer for strays. */
export async function awaitPages(receiver: WebhookReceiver, expected: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (new Set(receiver.received.map((r) => r.idempotencyKey)).size < expected && Date.now() < deadline) await sleep(250);
  await sleep(2000);
}

/**
 * The exact set of pages: every incident paged each person once (by distinct key), no
 * page for anything else, and no two different keys for one person and incident.
 * Returns how many deliveries repeated a key (allowed: at least once).
 */
export function expectExactPages(receiver: WebhookReceiver, incidents: Set<string>, people: string[]): { deliveries: number; redeliveries: number } {
  const perIncident = new Map<string, Set<string>>();
  for (const r of receiver.received) {
    const id = r.body.incident?.id as string;
    const set = perIncident.get(id) ?? new Set<string>();
    set.add(`${r.path}:${r.idempotencyKey}`);
    perIncident.set(id, set);
  }
  expect([...perIncident.keys()].sort()).toEqual([...incidents].sort());
  for (const pages of perIncident.values()) expect([...pages].map((p) => p.split(':')[0]).sort()).toEqual(people.map((p) => `/${p}`).sort());
  const keys = receiver.received.map((r) => r.idempotencyKey);
  return { deliveries: keys.length, redeliveries: keys.length - new Set(keys).size };
}

/** One node in test mode (controllable clock) on a fresh database, and a webhook receiver, for the enclosing suite. */
export function useTestModeNode(dialect: TestDialect): { node: ServerProcess; receiver: WebhookReceiver } {
  const ctx = {} as { node: ServerProcess; receiver: WebhookReceiver };
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    ctx.receiver = await startWebhookReceiver();
    ctx.node = await startServerProcess({ VIGIL_DATABASE_URL: db.url, VIGIL_SECRET: 'chaos-secret-chaos-secret-chaos-secret', VIGIL_TEST_MODE: '1' }, await freePort());
  }, 150_000);
  afterAll(async () => {
    await ctx.node?.stop();
    await ctx.receiver?.close();
    await db?.drop();
  });
  return ctx;
}
