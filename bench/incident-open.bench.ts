// Incident opening in an alert storm: how many incidents per second triggerAlert opens
// (step 1 fired in the same transaction) when step 1 targets a schedule with several
// layers, roster edits and overrides, on SQLite and PostgreSQL. One caller at a time,
// so the figure is the cost of one incident, not the database's parallelism.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LayerDraft } from '../src/core/schedule/types.js';
import { triggerAlert } from '../src/service/incidents.js';
import { createSchedule, editSchedule } from '../src/service/schedule-edits.js';
import { insertContactMethod, insertRule } from '../src/store/contacts.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { insertMonitor } from '../src/store/monitors.js';
import { insertPolicy } from '../src/store/policies.js';
import { insertOverride } from '../src/store/schedules.js';
import { createTeam, putMember } from '../src/store/teams.js';
import { createUser } from '../src/store/users.js';
import { findPgBin, startPgCluster } from '../test/support/postgres-cluster.js';

const SECONDS = 5;
const LAYERS = 4;
const PEOPLE = 12;
const OVERRIDES = 40;
const DAY = 86_400_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

/** A team of 12 with a verified email each, a 4-layer schedule edited twice per layer, 40 overrides, and a monitor whose step 1 pages it. */
async function seed(database: Database, now: number): Promise<string> {
  const { db } = database;
  const team = await createTeam(db, { name: 'Storm', description: '' }, now);
  const people: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const user = await createUser(db, { email: `p${i}@example.com`, name: `Person ${i}`, role: 'responder', timeZone: 'UTC', passwordHash: null }, now);
    await putMember(db, team.id, user.id, 'member', now);
    const method = await insertContactMethod(db, user.id, { kind: 'email', label: 'work', address: `p${i}@example.com`, verified: true }, now);
    await insertRule(db, user.id, { contactMethodId: method.id, delaySeconds: 0 }, now);
    people.push(user.id);
  }
  const draft = (i: number, shift: number): LayerDraft => ({
    timeZone: ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe'][i % 4] as string,
    rotation: [
      { kind: 'daily', handoffTime: '09:00', days: [1, 2, 3, 4, 5] } as const,
      { kind: 'weekly', handoffDay: 1, handoffTime: '10:00' } as const,
      { kind: 'custom', every: 12, unit: 'hours', anchor: '2026-01-05T08:00' } as const,
      { kind: 'daily', handoffTime: '17:30' } as const,
    ][i % 4] as LayerDraft['rotation'],
    restriction: i === 0 ? { kind: 'business_hours' } : { kind: 'custom', windows: [{ startDay: 1, startTime: '18:00', endDay: 2, endTime: '08:00' }, { startDay: 5, startTime: '18:00', endDay: 1, endTime: '08:00' }] },
    members: people.slice(shift % PEOPLE).concat(people.slice(0, shift % PEOPLE)).slice(0, 6),
  });
  const created = now - 90 * DAY;
  const scheduleId = await createSchedule(
    database,
    { teamId: team.id, name: 'Storm', description: '', timeZone: 'Europe/Berlin', layers: Array.from({ length: LAYERS }, (_, i) => ({ name: `L${i}`, draft: draft(i, i) })) },
    created,
  );
  const layerIds = (await db.selectFrom('schedule_layers').select('id').where('schedule_id', '=', scheduleId).orderBy('created_at').execute()).map((l) => l.id);
  for (const [i, layerId] of layerIds.entries()) {
    for (const back of [60, 30]) {
      const at = now - back * DAY;
      await editSchedule(database, scheduleId, () => ({ kind: 'update_layer', layerId, draft: draft(i, i + back) }), at, at);
    }
  }
  for (let k = 0; k < OVERRIDES; k++) {
    const start = now + (k - OVERRIDES / 2) * DAY;
    await insertOverride(db, scheduleId, { layerId: k % 3 === 0 ? null : (layerIds[k % LAYERS] as string), userId: people[k % PEOPLE] as string, start, end: start + DAY / 2, createdBy: null }, now);
  }
  const policy = await insertPolicy(
    db,
    {
      teamId: team.id,
      name: 'Storm',
      description: '',
      repeat: 0,
      ackTimeoutSeconds: null,
      steps: [
        { waitSeconds: 300, targets: [{ type: 'schedule', scheduleId }, { type: 'schedule_all_layers', scheduleId }] },
        { waitSeconds: 300, targets: [{ type: 'team', teamId: team.id }] },
      ],
    },
    now,
  );
  return (await insertMonitor(db, { teamId: team.id, name: 'Storm', kind: 'manual', policyId: policy.id, config: {}, paused: false }, now)).id;
}

async function openRate(url: string) {
  const database = openDatabase(url);
  await migrateToLatest(database);
  const monitorId = await seed(database, Date.now());
  const latencies: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  while (Date.now() < end) {
    const t0 = performance.now();
    await triggerAlert(database, { monitorId, title: 'storm', description: '', dedupKey: null }, Date.now());
    latencies.push(performance.now() - t0);
  }
  await database.close();
  latencies.sort((a, b) => a - b);
  const ms = (v: number) => Math.round(v * 100) / 100;
  return {
    seconds: SECONDS,
    schedule: { layers: LAYERS, editsPerLayer: 2, overrides: OVERRIDES },
    incidentsPerSecond: Math.round(latencies.length / SECONDS),
    latencyMs: { p50: ms(percentile(latencies, 50)), p99: ms(percentile(latencies, 99)) },
  };
}

export async function run(): Promise<object> {
  const results: Record<string, unknown> = { loadavg: (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim() };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
  try {
    results['sqlite'] = await openRate(`sqlite:${path.join(dir, 'vigil.db')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const bin = findPgBin();
  if (!bin) return { ...results, postgres: 'skipped: no PostgreSQL binaries (apt-get install -y postgresql)' };
  const cluster = await startPgCluster(bin);
  try {
    results['postgres'] = await openRate(await cluster.createDatabase('bench_incident_open'));
  } finally {
    cluster.stop();
  }
  return results;
}
