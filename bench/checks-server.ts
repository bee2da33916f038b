// One whole Vigil server (HTTP port open, every background loop, the demo data) running
// HTTP monitors at one interval against a local target, in a process of its own: what a
// check costs in the server users run, not in the scheduler alone. Used by checks.bench.ts:
//   node <bundle of this file> <database-url> <monitors> <interval-s> <target-url> <window-starts-s> <measure-s> [join]
// It creates the monitors (unless told to join), prints {"seeded":true}, runs, and prints
// its figures as one JSON line: one set per window measured, each window starting the given
// seconds (a comma-separated list) after the server started listening. Checks are counted from the results the server
// stored; how regularly each monitor is checked is the gap between its consecutive checks.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadConfig } from '../src/app/config.js';
import { createLogger } from '../src/app/logger.js';
import { startVigil } from '../src/app/start.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { newId } from '../src/store/ids.js';

const [url = '', monitorsArg = '1000', intervalArg = '60', target = '', windowsArg = '10', measureArg = '60', mode = 'seed'] = process.argv.slice(2);
const monitors = Number(monitorsArg);
const INTERVAL_MS = Number(intervalArg) * 1000;

if (mode !== 'join') {
  const seeding = openDatabase(url);
  await migrateToLatest(seeding);
  await seedHttpMonitors(seeding, monitors, INTERVAL_MS, target, Date.now());
  await seeding.close();
}
console.log(JSON.stringify({ seeded: true }));

const config = loadConfig({
  VIGIL_DATABASE_URL: url,
  VIGIL_SECRET: 'checks-benchmark-secret-0123456789abcdef',
  VIGIL_DEMO_PASSWORD: 'checks-benchmark-password',
  VIGIL_HOST: '127.0.0.1',
  VIGIL_PORT: '0',
  VIGIL_LOG_LEVEL: 'error',
  // The benchmark's target is a local server.
  VIGIL_ALLOW_PRIVATE_DESTINATIONS: '1',
});
const vigil = await startVigil(config, createLogger('error'), { announce: () => undefined });
await vigil.app.listen({ host: config.host, port: 0 });
const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));
const started = performance.now();

let peakRss = 0;
interface Window {
  afterStartS: number;
  from: number;
  to: number;
  seconds: number;
  cpu: NodeJS.CpuUsage;
}
const windows: Window[] = [];
for (const afterStartS of windowsArg.split(',').map(Number)) {
  await sleep(afterStartS - (performance.now() - started) / 1000);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 2000);
  const cpu0 = process.cpuUsage();
  const from = Date.now();
  const t0 = performance.now();
  await sleep(Number(measureArg));
  const cpu = process.cpuUsage(cpu0);
  windows.push({ afterStartS, from, to: Date.now(), seconds: (performance.now() - t0) / 1000, cpu });
  clearInterval(sampler);
}
const memory = process.memoryUsage();
// Results reach the database within a few seconds of their check.
await sleep(5);

const { db } = vigil.database;
const figures = [];
for (const { afterStartS, from, to, seconds, cpu } of windows) {
  const counted = await db
    .selectFrom('check_results')
    .select((eb) => [eb.fn.countAll<number>().as('checks'), eb.fn.sum<number>(eb.case().when('ok', '=', 0).then(1).else(0).end()).as('failures')])
    .where('at', '>=', from)
    .where('at', '<', to)
    .executeTakeFirstOrThrow();
  const gaps = (
    await sql<{ gap: number }>`
      select gap from (
        select at - lag(at) over (partition by monitor_id order by at) as gap from check_results where at >= ${from - INTERVAL_MS * 2} and at < ${to}
      ) g where gap is not null order by gap`.execute(db)
  ).rows.map((r) => Number(r.gap));
  const checks = Number(counted.checks);
  const pct = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor((p / 100) * gaps.length))] ?? null;
  figures.push({
    afterStartS,
    seconds: Math.round(seconds),
    // Stored in the window by every node that shares the database.
    checks,
    expectedChecks: Math.round((monitors * seconds * 1000) / INTERVAL_MS),
    failures: Number(counted.failures ?? 0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    cpuMsPerCheck: Math.round(((cpu.user + cpu.system) / 1000 / checks) * 1000) / 1000,
    cpuPercentOfOneCore: Math.round(((cpu.user + cpu.system) / 1e6 / seconds) * 1000) / 10,
    systemCpuShare: Math.round((cpu.system / (cpu.user + cpu.system)) * 100) / 100,
    gapBetweenChecksMs: { p50: pct(50), p99: pct(99), max: gaps.at(-1) ?? null },
  });
}
await vigil.stop();

console.log(
  JSON.stringify({
    monitors,
    intervalSeconds: INTERVAL_MS / 1000,
    windows: figures,
    // Sampled every 2 s in the windows.
    peakRssMiB: Math.round(peakRss / 1024 / 1024),
    // Where the memory is at the end of the last window: V8's heap (used of reserved) and outside it.
    memoryAtEndMiB: Object.fromEntries(Object.entries(memory).map(([k, v]) => [k, Math.round(v / 1024 / 1024)])),
  }),
);

/** HTTP monitors at one interval, each on its own path of the target, phases spread over the interval as the API's jitter spreads new monitors. */
async function seedHttpMonitors({ db }: Database, monitors: number, intervalMs: number, target: string, now: number): Promise<void> {
  const teamId = newId();
  await db.insertInto('teams').values({ id: teamId, name: 'Bench', description: '', created_at: now, updated_at: now }).execute();
  const policyId = newId();
  await db.insertInto('escalation_policies').values({ id: policyId, team_id: teamId, name: 'Bench', description: '', repeat: 0, ack_timeout_seconds: null, steps: '[]', created_at: now, updated_at: now }).execute();
  const config = (i: number) =>
    JSON.stringify({
      check: { intervalSeconds: intervalMs / 1000, timeoutSeconds: 10, confirmations: 2, recoveries: 1, autoResolve: true },
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
      next_check_at: now + Math.floor(((i + k) / monitors) * intervalMs),
      check_interval_ms: intervalMs,
      check_state: null,
      urgency: 'high' as const,
      system: 0,
    }));
    await db.insertInto('monitors').values(rows).execute();
  }
}
