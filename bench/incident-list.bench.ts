// The incident list over 100,000 incidents (a year of them on 60 monitors of 6 teams, one
// in ten still open, one page each to 40 people): the first page of 50 and the page after
// it for the list's usual views, every sort, search and each filter, on SQLite and
// PostgreSQL. Figures are the median and the slowest of RUNS requests to the store.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Insertable } from 'kysely';
import { chunksOf } from '../src/store/chunks.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { newId } from '../src/store/ids.js';
import { listIncidentPage, type IncidentFilter, type IncidentListRequest } from '../src/store/incident-list.js';
import { insertIncidents, newIncidentRow, type IncidentRow } from '../src/store/incidents.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { insertMonitor } from '../src/store/monitors.js';
import { insertPolicy } from '../src/store/policies.js';
import type { DB } from '../src/store/schema.js';
import { createTeam } from '../src/store/teams.js';
import { createUser } from '../src/store/users.js';
import { findPgBin, startPgCluster } from '../test/support/postgres-cluster.js';

const INCIDENTS = 100_000;
const TEAMS = 6;
const MONITORS = 60;
const PEOPLE = 40;
const RUNS = 15;
const DAY = 86_400_000;
const WORDS = ['disk', 'cpu', 'latency', 'errors', 'queue', 'memory', 'certificate', 'replica'];

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

interface Seeded {
  teamId: string;
  monitorId: string;
  policyId: string;
  personId: string;
}

async function seed(database: Database, now: number): Promise<Seeded> {
  const { db } = database;
  const rnd = random(17);
  const people: string[] = [];
  for (let i = 0; i < PEOPLE; i++) people.push((await createUser(db, { email: `p${i}@example.com`, name: `Person ${i}`, role: 'responder', timeZone: 'UTC', passwordHash: null }, now)).id);
  const monitors: { id: string; teamId: string; policyId: string }[] = [];
  for (let t = 0; t < TEAMS; t++) {
    const team = await createTeam(db, { name: `Team ${t}`, description: '' }, now);
    const policy = await insertPolicy(db, { teamId: team.id, name: 'P', description: '', repeat: 0, ackTimeoutSeconds: null, steps: [{ waitSeconds: 0, targets: [{ type: 'team', teamId: team.id }] }] }, now);
    for (let m = 0; m < MONITORS / TEAMS; m++) {
      monitors.push({ id: (await insertMonitor(db, { teamId: team.id, name: `${t}/${m}`, kind: 'manual', policyId: policy.id, config: {}, paused: false }, now)).id, teamId: team.id, policyId: policy.id });
    }
  }
  const incidents: IncidentRow[] = [];
  const pages: Insertable<DB['notifications']>[] = [];
  for (let i = 0; i < INCIDENTS; i++) {
    const monitor = monitors[Math.floor(rnd() ** 2 * MONITORS)] as (typeof monitors)[number];
    const title = `${WORDS[Math.floor(rnd() * WORDS.length)]} on host-${Math.floor(rnd() * 500)} (incident ${i})`;
    const policy = { id: monitor.policyId, name: 'P', repeat: 0, ackTimeoutSeconds: null, steps: [] };
    const row = newIncidentRow({ monitorId: monitor.id, title, description: 'Runbook: https://runbooks.example.com', dedupKey: `key-${i}`, policy, urgency: rnd() < 0.3 ? 'low' : 'high' }, now - Math.floor(rnd() * 365 * DAY));
    row.status = rnd() < 0.9 ? 'resolved' : rnd() < 0.5 ? 'acknowledged' : 'triggered';
    incidents.push(row);
    const person = people[Math.floor(rnd() * PEOPLE)] as string;
    pages.push({ id: newId(), idempotency_key: `${row.id}:0`, incident_id: row.id, user_id: person, contact_method_id: null, channel: 'email', address: 'x', status: 'sent', due_at: row.triggered_at, lease_until: null, lease_owner: null, attempts: 1, last_error: null, created_at: row.triggered_at, sent_at: row.triggered_at, notice: null });
  }
  await db.transaction().execute(async (trx) => {
    await insertIncidents(trx, incidents);
    for (const chunk of chunksOf(pages, 1000)) await trx.insertInto('notifications').values(chunk).execute();
  });
  const busiest = monitors[0] as (typeof monitors)[number];
  return { teamId: busiest.teamId, monitorId: busiest.id, policyId: busiest.policyId, personId: people[0] as string };
}

async function measure(url: string) {
  const database = openDatabase(url);
  await migrateToLatest(database);
  const now = Date.now();
  const t0 = performance.now();
  const s = await seed(database, now);
  const results: Record<string, unknown> = { seedSeconds: Math.round((performance.now() - t0) / 100) / 10 };
  const open: IncidentFilter = { statuses: ['triggered', 'acknowledged'] };
  const views: Record<string, { request: Omit<IncidentListRequest, 'limit' | 'cursor'>; filter: IncidentFilter }> = {
    openNewestFirst: { request: { sort: 'triggeredAt', order: 'desc' }, filter: open },
    allNewestFirst: { request: { sort: 'triggeredAt', order: 'desc' }, filter: {} },
    allOldestFirst: { request: { sort: 'triggeredAt', order: 'asc' }, filter: {} },
    allByStatus: { request: { sort: 'status', order: 'asc' }, filter: {} },
    allByUrgency: { request: { sort: 'urgency', order: 'asc' }, filter: {} },
    allByTitle: { request: { sort: 'title', order: 'asc' }, filter: {} },
    search: { request: { sort: 'triggeredAt', order: 'desc' }, filter: { search: 'host-42 (' } },
    searchRare: { request: { sort: 'triggeredAt', order: 'desc' }, filter: { search: 'incident 4242)' } },
    team: { request: { sort: 'triggeredAt', order: 'desc' }, filter: { teamId: s.teamId } },
    monitor: { request: { sort: 'triggeredAt', order: 'desc' }, filter: { monitorId: s.monitorId } },
    policy: { request: { sort: 'triggeredAt', order: 'desc' }, filter: { policyId: s.policyId } },
    assignee: { request: { sort: 'triggeredAt', order: 'desc' }, filter: { assigneeId: s.personId } },
    lowUrgencyLastMonth: { request: { sort: 'triggeredAt', order: 'desc' }, filter: { urgencies: ['low'], from: now - 30 * DAY, to: now } },
  };
  const round = (v: number) => Math.round(v * 10) / 10;
  for (const [name, view] of Object.entries(views)) {
    const ms: number[] = [];
    const next: number[] = [];
    let found = 0;
    for (let r = 0; r < RUNS + 1; r++) {
      const a = performance.now();
      const first = await listIncidentPage(database.db, database.dialect, { ...view.request, limit: 50 }, view.filter);
      const b = performance.now();
      if (first.nextCursor) await listIncidentPage(database.db, database.dialect, { ...view.request, limit: 50, cursor: first.nextCursor }, view.filter);
      const c = performance.now();
      found = first.items.length;
      // The first run warms the statement cache and the database's pages.
      if (r > 0) {
        ms.push(b - a);
        next.push(c - b);
      }
    }
    ms.sort((x, y) => x - y);
    next.sort((x, y) => x - y);
    results[name] = { items: found, firstPageMs: { p50: round(ms[Math.floor(RUNS / 2)] as number), max: round(ms.at(-1) as number) }, nextPageMs: { p50: round(next[Math.floor(RUNS / 2)] as number) } };
  }
  await database.close();
  return results;
}

export async function run(): Promise<object> {
  const results: Record<string, unknown> = { incidents: INCIDENTS, runs: RUNS, loadavg: readFileSync('/proc/loadavg', 'utf8').trim() };
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
    results['postgres'] = await measure(await cluster.createDatabase('bench_incident_list'));
  } finally {
    cluster.stop();
  }
  return results;
}
