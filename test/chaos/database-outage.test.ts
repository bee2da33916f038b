import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCheckTarget, type CheckTarget } from '../support/check-target.js';
import { findPgBin, startPgCluster, type PgCluster } from '../support/postgres-cluster.js';
import { requiredTool } from '../support/required-tool.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { awaitPages, expectExactPages, freePort, prepareStorm, sleep, type Storm } from '../support/storm.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PEOPLE = ['alice', 'bob'];
const SECRET = 'outage-secret-outage-secret-outage-secret';

/** What a client and a probe see while the database is away. */
async function duringOutage(node: ServerProcess, storm: Storm) {
  const health = await fetch(`${node.url}/healthz`);
  const body = (await health.json()) as { status: string; reason?: string };
  const alert = await storm.api('POST', `/monitors/${storm.monitorId}/alerts`, { title: 'during outage', dedupKey: 'outage-probe' });
  await alert.arrayBuffer();
  return { health: health.status, reason: body.reason ?? '', alert: alert.status, retryAfter: alert.headers.get('retry-after') };
}

/** Waits (bounded) until /healthz reports 503: the node noticed the outage. */
async function untilUnhealthy(node: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${node.url}/healthz`).catch(() => null);
    await res?.arrayBuffer();
    if (res?.status === 503) return;
    await sleep(200);
  }
}

/**
 * PostgreSQL stops for 30 s in the middle of an escalation storm (steps fall due during
 * the outage), and later every backend of the node is terminated. The node must stay up,
 * say 503 (health and ingest, with Retry-After, never 500) while the database is away,
 * and page everything that fell due once it is back, without a restart.
 */
describe('chaos: PostgreSQL outage during an escalation storm', () => {
  let cluster: PgCluster | null = null;
  let receiver: WebhookReceiver;
  let node: ServerProcess;
  let target: CheckTarget;

  beforeAll(async () => {
    const bin = findPgBin();
    if (!requiredTool(`${bin ?? '/usr/lib/postgresql/15/bin'}/pg_ctl`, 'postgresql', 'the PostgreSQL outage test')) return;
    cluster = await startPgCluster(bin as string);
    receiver = await startWebhookReceiver();
    target = await startCheckTarget();
    node = await startServerProcess({ VIGIL_DATABASE_URL: cluster.url, VIGIL_SECRET: SECRET }, await freePort());
  }, 150_000);

  afterAll(async () => {
    await node?.stop();
    await receiver?.close();
    await target?.close();
    cluster?.stop();
  });

  it('keeps the node up, answers 503 meanwhile, and pages everything after the database returns', async (ctx) => {
    if (!cluster) return ctx.skip();
    const storm = await prepareStorm(() => [node.url], receiver, PEOPLE, 5);
    const teamId = ((await (await storm.api('GET', '/teams')).json()) as { items: { id: string }[] }).items[0]?.id;
    const policyId = ((await (await storm.api('GET', '/escalation-policies')).json()) as { items: { id: string; name: string }[] }).items.find((p) => p.name === 'Storm')?.id;
    const checked = await storm.api('POST', '/monitors', { name: 'Checked', teamId, policyId, kind: 'http', http: { url: target.url('/health') }, check: { intervalSeconds: 20 } });
    expect(checked.status).toBe(201);
    const monitorId = ((await checked.json()) as { id: string }).id;
    const incidents = new Set<string>();
    for (let i = 0; i < 100; i++) incidents.add(await storm.raise(i));
    // A new monitor's first check falls somewhere in its first interval; the node must have
    // checked it once to know it when the database goes away.
    for (let i = 0; i < 300; i++) {
      const view = (await (await storm.api('GET', `/monitors/${monitorId}`)).json()) as { lastCheck: unknown };
      if (view.lastCheck) break;
      await sleep(100);
    }

    cluster.pause();
    const outageStarted = Date.now();
    await untilUnhealthy(node, 10_000);
    const seen = await duringOutage(node, storm);
    // Alerts keep coming; the client retries them until the database is back.
    const late = Promise.all(Array.from({ length: 20 }, (_, k) => storm.raise(100 + k)));
    await sleep(Math.max(0, 30_000 - (Date.now() - outageStarted)));
    cluster.resume();
    const outageEnded = Date.now();
    for (const id of await late) incidents.add(id);
    expect(node.alive()).toBe(true);
    expect(seen.health).toBe(503);
    expect(seen.reason).toMatch(/database unreachable|failing/);
    expect(seen.alert).toBe(503);
    expect(Number(seen.retryAfter)).toBeGreaterThan(0);

    // Then every connection of the node is cut at once.
    const admin = new pg.Client({ connectionString: cluster.url });
    admin.on('error', () => undefined);
    await admin.connect();
    const raising = Promise.all(Array.from({ length: 30 }, (_, k) => storm.raise(200 + k)));
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() and backend_type = 'client backend'`);
    for (const id of await raising) incidents.add(id);
    await admin.end();

    await awaitPages(receiver, incidents.size * PEOPLE.length, 60_000);
    const { deliveries, redeliveries } = expectExactPages(receiver, incidents, PEOPLE);
    expect(storm.statuses.get(500) ?? 0).toBe(0);
    expect(node.alive()).toBe(true);
    const health = await fetch(`${node.url}/healthz`);
    expect(health.status).toBe(200);
    // The check went on from memory during the outage, and its results were written after.
    const history = (await (await storm.api('GET', `/monitors/${monitorId}/history?range=24h`)).json()) as { points: { at: string; up: number }[] };
    const during = history.points.filter((p) => Date.parse(p.at) > outageStarted && Date.parse(p.at) < outageEnded);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((p) => p.up === 1)).toBe(true);
    console.info(JSON.stringify({ test: 'pg-outage', incidents: incidents.size, deliveries, redeliveries, statuses: Object.fromEntries(storm.statuses) }));
  }, 180_000);
});

/**
 * SQLite: another process holds the database file's write lock for longer than the busy
 * timeout (a backup tool, a stuck sqlite3 shell). Vigil answers 503 while it cannot
 * write, and pages everything once the lock is released.
 */
describe('chaos: SQLite database locked by another process', () => {
  let dir: string;
  let receiver: WebhookReceiver;
  let node: ServerProcess;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-locked-'));
    file = path.join(dir, 'vigil.db');
    receiver = await startWebhookReceiver();
    node = await startServerProcess({ VIGIL_DATABASE_URL: `sqlite:${file}`, VIGIL_SECRET: SECRET }, await freePort());
  }, 150_000);

  afterAll(async () => {
    await node?.stop();
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while locked and pages everything once the lock is released', async () => {
    const storm = await prepareStorm(() => [node.url], receiver, PEOPLE, 3);
    const incidents = new Set<string>();
    for (let i = 0; i < 30; i++) incidents.add(await storm.raise(i));

    const locker = new Database(file);
    locker.exec('BEGIN EXCLUSIVE');
    const alert = await storm.api('POST', `/monitors/${storm.monitorId}/alerts`, { title: 'locked', dedupKey: 'locked-probe' });
    await alert.arrayBuffer();
    await untilUnhealthy(node, 15_000);
    const health = await fetch(`${node.url}/healthz`);
    await health.arrayBuffer();
    await sleep(4_000);
    locker.exec('COMMIT');
    locker.close();

    expect(alert.status).toBe(503);
    expect(Number(alert.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(health.status).toBe(503);
    expect(node.alive()).toBe(true);
    await awaitPages(receiver, incidents.size * PEOPLE.length, 30_000);
    expectExactPages(receiver, incidents, PEOPLE);
    expect(storm.statuses.get(500) ?? 0).toBe(0);
  }, 120_000);
});
