// Engine benchmarks: how late due escalation steps fire with 10,000 open incidents,
// and how many incidents per second the API can open, on SQLite and PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/kernel/clock.js';
import type { Config } from '../src/app/config.js';
import { createLogger } from '../src/app/logger.js';
import { startVigil } from '../src/app/start.js';
import { Engine } from '../src/engine/engine.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { newId } from '../src/store/ids.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { findPgBin, startPgCluster, type PgCluster } from '../test/support/postgres-cluster.js';
import { demoAdmin } from '../test/support/demo-admin.js';

const OPEN_INCIDENTS = 10_000;
const SPREAD_MS = 20_000;
const TRIGGER_SECONDS = 10;
const CONCURRENCY = 16;

interface Target {
  dialect: 'sqlite' | 'postgres';
  url: string;
  cleanup: () => Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
  return { dialect: 'sqlite', url: `sqlite:${path.join(dir, 'vigil.db')}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function pgTarget(cluster: PgCluster, name: string): Promise<Target> {
  return { dialect: 'postgres', url: await cluster.createDatabase(name), cleanup: async () => undefined };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

/** Fills the database with open incidents whose step 2 falls due over the next 20 s, then lets the engine run. */
async function lateness(target: Target) {
  const database: Database = openDatabase(target.url);
  await migrateToLatest(database);
  const { db } = database;
  const now = Date.now();
  const userId = newId();
  await db.insertInto('users').values({ id: userId, email: 'bench@example.com', name: 'Bench', role: 'responder', time_zone: 'UTC', password_hash: null, created_at: now, updated_at: now, notify_handoffs: 0, daily_summary_time: null }).execute();
  const teamId = newId();
  await db.insertInto('teams').values({ id: teamId, name: 'Bench', description: '', created_at: now, updated_at: now }).execute();
  const policy = { id: newId(), name: 'Bench', repeat: 0, ackTimeoutSeconds: null, steps: [{ waitSeconds: 60, targets: [{ type: 'user', userId }] }, { waitSeconds: 60, targets: [{ type: 'user', userId }] }] };
  await db.insertInto('escalation_policies').values({ id: policy.id, team_id: teamId, name: 'Bench', description: '', repeat: 0, ack_timeout_seconds: null, steps: JSON.stringify(policy.steps), created_at: now, updated_at: now }).execute();
  const monitorId = newId();
  await db.insertInto('monitors').values({ id: monitorId, team_id: teamId, name: 'Bench', kind: 'manual', policy_id: policy.id, config: '{}', paused: 0, created_at: now, updated_at: now, urgency: 'high', system: 0 }).execute();

  const start = Date.now() + 3_000;
  const due = new Map<string, number>();
  for (let i = 0; i < OPEN_INCIDENTS; i += 500) {
    const rows = Array.from({ length: Math.min(500, OPEN_INCIDENTS - i) }, (_, k) => {
      const id = newId();
      const at = start + Math.floor(((i + k) / OPEN_INCIDENTS) * SPREAD_MS);
      due.set(id, at);
      return {
        id, monitor_id: monitorId, title: `bench ${i + k}`, description: '', dedup_key: null, status: 'triggered' as const, policy: JSON.stringify(policy),
        step: 0, pass: 0, next_action_at: at, lease_until: null, lease_owner: null, alert_count: 1, seq: 1, triggered_at: now, acknowledged_at: null, acknowledged_by: null,
        resolved_at: null, resolved_by: null, updated_at: now, urgency: 'high' as const,
      };
    });
    await db.insertInto('incidents').values(rows).execute();
  }
  const engine = new Engine({ database, clock: systemClock, logger: createLogger('silent'), channels: {}, baseUrl: 'http://localhost', owner: newId() });
  const cpuBefore = process.cpuUsage();
  engine.start();
  const deadline = start + SPREAD_MS + 60_000;
  let escalated = 0;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    const row = await db.selectFrom('incident_events').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'escalated').executeTakeFirstOrThrow();
    escalated = Number(row.n);
    if (escalated >= OPEN_INCIDENTS) break;
  }
  await engine.stop();
  const cpu = process.cpuUsage(cpuBefore);
  const events = await db.selectFrom('incident_events').select(['incident_id', 'at']).where('kind', '=', 'escalated').execute();
  const late = events.map((e) => e.at - (due.get(e.incident_id) ?? e.at)).sort((a, b) => a - b);
  await database.close();
  return {
    openIncidents: OPEN_INCIDENTS,
    dueOverSeconds: SPREAD_MS / 1000,
    escalated,
    latenessMs: { p50: percentile(late, 50), p90: percentile(late, 90), p99: percentile(late, 99), max: late.at(-1) ?? null },
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
    goal: 'p99 < 1000 ms',
    pass: percentile(late, 99) < 1000 && escalated === OPEN_INCIDENTS,
  };
}

/** Opens incidents through the HTTP API with 16 concurrent clients for 10 s. */
async function triggerRate(target: Target) {
  const config: Config = {
    host: '127.0.0.1', port: 0, databaseUrl: target.url, baseUrl: 'http://127.0.0.1', baseUrlSet: true, secret: 'bench-secret-bench-secret-bench-secret',
    logLevel: 'silent', testMode: false, seedDemo: true, demoPassword: demoAdmin.password, trustedProxies: [], webDir: '/nonexistent', smtpUrl: undefined, emailFrom: 'Vigil <vigil@localhost>', twilio: undefined,
    checkConcurrency: 100, checkRetention: { resultsDays: 7, rollupsDays: 400 }, auditRetentionDays: 400, incidentActions: 'team',
    destinationPolicy: { allowPrivate: true, allowedRanges: [] },
  };
  const vigil = await startVigil(config, createLogger('silent'));
  await vigil.app.listen({ host: '127.0.0.1', port: 0 });
  const address = vigil.app.server.address() as { port: number };
  const base = `http://127.0.0.1:${address.port}/api/v1`;
  const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(demoAdmin) });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const token = ((await (await fetch(`${base}/me/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: '{"name":"bench"}' })).json()) as { token: string }).token;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const monitorId = ((await (await fetch(`${base}/monitors`, { headers })).json()) as { items: { id: string }[] }).items[0]?.id;
  let ok = 0;
  let failed = 0;
  const latencies: number[] = [];
  const end = Date.now() + TRIGGER_SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        const res = await fetch(`${base}/monitors/${monitorId}/alerts`, { method: 'POST', headers, body: JSON.stringify({ title: 'bench', dedupKey: `k${n++}` }) });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status === 201) ok++;
        else failed++;
      }
    }),
  );
  await vigil.stop();
  latencies.sort((a, b) => a - b);
  return {
    seconds: TRIGGER_SECONDS,
    concurrency: CONCURRENCY,
    incidentsPerSecond: Math.round(ok / TRIGGER_SECONDS),
    failed,
    latencyMs: { p50: Math.round(percentile(latencies, 50) * 10) / 10, p99: Math.round(percentile(latencies, 99) * 10) / 10 },
  };
}

export async function run(): Promise<object> {
  const results: Record<string, unknown> = {};
  const bin = findPgBin();
  const cluster = bin ? await startPgCluster(bin) : null;
  try {
    for (const make of [sqliteTarget, ...(cluster ? [() => pgTarget(cluster, 'bench_lateness')] : [])]) {
      const target = await make();
      results[`lateness_${target.dialect}`] = await lateness(target);
      await target.cleanup();
    }
    for (const make of [sqliteTarget, ...(cluster ? [() => pgTarget(cluster, 'bench_trigger')] : [])]) {
      const target = await make();
      results[`trigger_${target.dialect}`] = await triggerRate(target);
      await target.cleanup();
    }
    if (!cluster) results['postgres'] = 'skipped: no PostgreSQL binaries (apt-get install -y postgresql)';
  } finally {
    cluster?.stop();
  }
  return results;
}
