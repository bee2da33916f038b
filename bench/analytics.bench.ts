// Analytics over 100,000 incidents: a year of them on 60 monitors of 6 teams (a few
// monitors far noisier than the rest), each with its timeline (triggered, notified,
// acknowledged, resolved) and one to four pages to 40 people in six time zones. Times
// one analytics request (every query and the aggregation) for the last 90 days: for the
// whole organisation, one team and one monitor, on SQLite and PostgreSQL.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyticsReport } from '../src/service/analytics.js';
import { chunksOf } from '../src/store/chunks.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { newId } from '../src/store/ids.js';
import { insertIncidents, newIncidentRow, type IncidentRow } from '../src/store/incidents.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { insertMonitor } from '../src/store/monitors.js';
import { insertPolicy } from '../src/store/policies.js';
import type { DB } from '../src/store/schema.js';
import { createTeam } from '../src/store/teams.js';
import { createUser } from '../src/store/users.js';
import { findPgBin, startPgCluster } from '../test/support/postgres-cluster.js';
import { sql, type Insertable } from 'kysely';

const INCIDENTS = 100_000;
const TEAMS = 6;
const MONITORS = 60;
const PEOPLE = 40;
const RUNS = 15;
const DAY = 86_400_000;
const MINUTE = 60_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles', 'Asia/Kolkata'];
const CHANNELS = ['email', 'sms', 'voice', 'slack'] as const;

/**
 * A small deterministic generator (mulberry32), so both databases get the same year. Its
 * arithmetic stays in 32 bits: the linear congruential one used before multiplied past
 * 2^53 in floating point, lost its low bits and put 100,000 incidents on 1,128 instants.
 */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

async function seed(database: Database, now: number): Promise<{ teamId: string; monitorId: string }> {
  const { db } = database;
  const rnd = random(17);
  const teams = [];
  for (let i = 0; i < TEAMS; i++) teams.push(await createTeam(db, { name: `Team ${i}`, description: '' }, now));
  const people: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    people.push((await createUser(db, { email: `p${i}@example.com`, name: `Person ${i}`, role: 'responder', timeZone: ZONES[i % ZONES.length] as string, passwordHash: null }, now)).id);
  }
  const monitors: { id: string; teamId: string }[] = [];
  for (const team of teams) {
    const policy = await insertPolicy(db, { teamId: team.id, name: 'P', description: '', repeat: 0, ackTimeoutSeconds: null, steps: [{ waitSeconds: 0, targets: [{ type: 'team', teamId: team.id }] }] }, now);
    for (let m = 0; m < MONITORS / TEAMS; m++) {
      monitors.push({ id: (await insertMonitor(db, { teamId: team.id, name: `${team.name} monitor ${m}`, kind: 'manual', policyId: policy.id, config: {}, paused: false }, now)).id, teamId: team.id });
    }
  }
  const policy = { id: newId(), name: 'P', repeat: 0, ackTimeoutSeconds: null, steps: [] };
  const incidents: IncidentRow[] = [];
  const events: Insertable<DB['incident_events']>[] = [];
  const pages: Insertable<DB['notifications']>[] = [];
  for (let i = 0; i < INCIDENTS; i++) {
    // Squaring skews the pick: the first monitors open most incidents, as noisy ones do.
    const monitor = monitors[Math.floor(rnd() ** 2 * MONITORS)] as { id: string };
    const triggeredAt = now - Math.floor(rnd() * 365 * DAY);
    const input = { monitorId: monitor.id, title: `incident ${i}`, description: '', dedupKey: null, policy, urgency: 'high' as const };
    const row = newIncidentRow(input, triggeredAt);
    const acknowledged = rnd() < 0.85 ? triggeredAt + Math.floor(rnd() * 30 * MINUTE) : null;
    const resolved = rnd() < 0.95 ? (acknowledged ?? triggeredAt) + Math.floor(rnd() * 240 * MINUTE) : null;
    row.alert_count = 1 + Math.floor(rnd() ** 3 * 20);
    row.status = resolved !== null ? 'resolved' : acknowledged !== null ? 'acknowledged' : 'triggered';
    Object.assign(row, { acknowledged_at: acknowledged, first_acknowledged_at: acknowledged, resolved_at: resolved });
    incidents.push(row);
    const event = (at: number, kind: string) => events.push({ id: newId(), incident_id: row.id, at, kind, actor_id: null, data: '{}' });
    event(triggeredAt, 'triggered');
    for (let p = 0, n = 1 + Math.floor(rnd() * 4); p < n; p++) {
      const sentAt = triggeredAt + p * 2 * MINUTE;
      const channel = CHANNELS[p % CHANNELS.length] as (typeof CHANNELS)[number];
      pages.push({
        id: newId(),
        idempotency_key: `${row.id}:${p}`,
        incident_id: row.id,
        user_id: people[Math.floor(rnd() * PEOPLE)] as string,
        contact_method_id: null,
        channel,
        address: 'x',
        status: rnd() < 0.97 ? 'sent' : 'failed',
        due_at: sentAt,
        lease_until: null,
        lease_owner: null,
        attempts: 1,
        last_error: null,
        created_at: triggeredAt,
        sent_at: sentAt,
        notice: null,
        incident_triggered_at: triggeredAt,
        incident_monitor_id: monitor.id,
      });
      event(sentAt, 'notified');
    }
    if (acknowledged !== null) event(acknowledged, 'acknowledged');
    if (resolved !== null) event(resolved, 'resolved');
  }
  // In time order, as a live database receives them (random order scatters the time indexes' pages).
  incidents.sort((a, b) => a.triggered_at - b.triggered_at);
  events.sort((a, b) => a.at - b.at);
  pages.sort((a, b) => (a.sent_at as number) - (b.sent_at as number));
  await db.transaction().execute(async (trx) => {
    await insertIncidents(trx, incidents);
    for (const chunk of chunksOf(events, 2000)) await trx.insertInto('incident_events').values(chunk).execute();
    for (const chunk of chunksOf(pages, 1000)) await trx.insertInto('notifications').values(chunk).execute();
  });
  // As autovacuum would have by the time anyone asks: statistics, and a visibility map for index-only scans.
  if (database.dialect === 'postgres') await sql`vacuum analyze`.execute(db);
  const busiest = monitors[0] as { id: string; teamId: string };
  return { teamId: busiest.teamId, monitorId: busiest.id };
}

async function measure(url: string) {
  const database = openDatabase(url);
  await migrateToLatest(database);
  const now = Date.now();
  const seeded = performance.now();
  const { teamId, monitorId } = await seed(database, now);
  const seedSeconds = Math.round((performance.now() - seeded) / 100) / 10;
  const period = { from: now - 90 * DAY, to: now };
  const scopes = { organisation: period, team: { ...period, teamId }, monitor: { ...period, monitorId } };
  const results: Record<string, unknown> = { seedSeconds };
  for (const [name, scope] of Object.entries(scopes)) {
    await analyticsReport(database.db, scope, 'Europe/Berlin');
    const ms: number[] = [];
    let figures = { incidents: 0, pages: 0 };
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      figures = await analyticsReport(database.db, scope, 'Europe/Berlin');
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    const round = (v: number) => Math.round(v * 10) / 10;
    results[name] = { incidents: figures.incidents, pages: figures.pages, ms: { p50: round(ms[Math.floor(RUNS / 2)] as number), max: round(ms.at(-1) as number) } };
  }
  await database.close();
  return results;
}

export async function run(): Promise<object> {
  const results: Record<string, unknown> = { incidents: INCIDENTS, periodDays: 90, runs: RUNS, loadavg: readFileSync('/proc/loadavg', 'utf8').trim() };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
  try {
    results['sqlite'] = await measure(`sqlite:${path.join(dir, 'vigil.db')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const bin = findPgBin();
  if (!bin) return { ...results, postgres: 'skipped: no PostgreSQL binaries (apt-get install -y postgresql)' };
  const cluster = await startPgCluster(bin);
  try {
    results['postgres'] = await measure(await cluster.createDatabase('bench_analytics'));
  } finally {
    cluster.stop();
  }
  return results;
}
