// One node running HTTP monitors at one interval against a local target, in a process of
// its own (so its RSS is its own). Used by checks.bench.ts:
//   node <bundle of this file> <database-url> <monitors> <interval-s> <target-url> <warmup-s> <measure-s> [join]
// It creates the monitors, prints {"seeded":true}, runs, and prints its figures as one
// JSON line. With "join" it creates nothing and shares the monitors already there.
import { performance } from 'node:perf_hooks';
import { systemClock } from '../src/kernel/clock.js';
import { createLogger } from '../src/app/logger.js';
import { HttpProber } from '../src/probes/http-probe.js';
import { createProbe } from '../src/probes/probe.js';
import { CheckScheduler } from '../src/probes/scheduler.js';
import { openDatabase } from '../src/store/database.js';
import { newId } from '../src/store/ids.js';
import { migrateToLatest } from '../src/store/migrate.js';

const [url = '', monitorsArg = '1000', intervalArg = '60', target = '', warmupArg = '10', measureArg = '60', mode = 'seed'] = process.argv.slice(2);
const monitors = Number(monitorsArg);
const seeding = mode !== 'join';
const INTERVAL_MS = Number(intervalArg) * 1000;

const database = openDatabase(url);
const { db } = database;
const now = Date.now();
if (seeding) await seed();
console.log(JSON.stringify({ seeded: true }));

async function seed() {
  await migrateToLatest(database);
  const teamId = newId();
  await db.insertInto('teams').values({ id: teamId, name: 'Bench', description: '', created_at: now, updated_at: now }).execute();
  const policyId = newId();
  await db.insertInto('escalation_policies').values({ id: policyId, team_id: teamId, name: 'Bench', description: '', repeat: 0, ack_timeout_seconds: null, steps: '[]', created_at: now, updated_at: now }).execute();
  const config = (i: number) =>
    JSON.stringify({
      check: { intervalSeconds: INTERVAL_MS / 1000, timeoutSeconds: 10, confirmations: 2, recoveries: 1, autoResolve: true },
      http: { url: `${target}/service/${i}`, method: 'GET', headers: {}, expectedStatus: ['200-299'], keywordMode: 'present', followRedirects: true, maxRedirects: 5, verifyTls: true, certExpiryDays: 14 },
      maintenance: null,
    });
  for (let i = 0; i < monitors; i += 500) {
    const rows = Array.from({ length: Math.min(500, monitors - i) }, (_, k) => ({
      id: newId(),
      team_id: teamId,
      name: `service ${i + k}`,
      kind: 'http',
      policy_id: policyId,
      config: config(i + k),
      paused: 0,
      created_at: now,
      updated_at: now,
      integration_key_hash: null,
      heartbeat_due_at: null,
      // Phases spread over the interval, as the API's jitter spreads new monitors.
      next_check_at: now + Math.floor(((i + k) / monitors) * INTERVAL_MS),
      check_interval_ms: INTERVAL_MS,
      check_state: null,
      urgency: 'high' as const,
      system: 0,
    }));
    await db.insertInto('monitors').values(rows).execute();
  }
}

const lateness: number[] = [];
let failures = 0;
let measuring = false;
// The benchmark's targets are local servers.
const policy = { allowPrivate: true, allowedRanges: [] };
const http = new HttpProber(policy);
const scheduler = new CheckScheduler({
  database,
  clock: systemClock,
  logger: createLogger('error'),
  probe: createProbe(http, policy),
  wakeEngine: () => undefined,
  retention: { resultsDays: 7, rollupsDays: 400 },
  onCheck: (record, scheduledAt) => {
    if (!measuring) return;
    lateness.push(record.at - scheduledAt);
    if (!record.outcome.ok) failures++;
  },
});
scheduler.start();
await new Promise((r) => setTimeout(r, Number(warmupArg) * 1000));

measuring = true;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 2000);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await new Promise((r) => setTimeout(r, Number(measureArg) * 1000));
const cpu = process.cpuUsage(cpu0);
const seconds = (performance.now() - t0) / 1000;
measuring = false;
clearInterval(sampler);
await scheduler.stop();
await http.close();
await database.close();

lateness.sort((a, b) => a - b);
const pct = (p: number) => lateness[Math.min(lateness.length - 1, Math.floor((p / 100) * lateness.length))] ?? null;
const checks = lateness.length;
console.log(
  JSON.stringify({
    monitors,
    intervalSeconds: INTERVAL_MS / 1000,
    seconds: Math.round(seconds),
    checks,
    expectedChecks: Math.round((monitors * seconds * 1000) / INTERVAL_MS),
    failures,
    cpuMsPerCheck: Math.round(((cpu.user + cpu.system) / 1000 / checks) * 1000) / 1000,
    cpuPercentOfOneCore: Math.round(((cpu.user + cpu.system) / 1e6 / seconds) * 1000) / 10,
    systemCpuShare: Math.round((cpu.system / (cpu.user + cpu.system)) * 100) / 100,
    peakRssMiB: Math.round(peakRss / 1024 / 1024),
    latenessMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: lateness.at(-1) ?? null },
  }),
);
