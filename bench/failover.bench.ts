// Failover benchmark: three nodes on one PostgreSQL, a steady escalation storm, and one
// node killed with SIGKILL every 10 s (restarted at once). Measures, per page, the time
// from when it was due to when the receiver got it (p50/p99/max), pages lost, and pages
// delivered twice with the same key. Then the same storm without kills while one
// destination hangs, against a run where none does: the healthy destinations' p99.
import { findPgBin, startPgCluster, type PgCluster } from '../test/support/postgres-cluster.js';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.js';
import { freePort, prepareStorm, sleep } from '../test/support/storm.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test/support/webhook-receiver.js';

const STORM_SECONDS = 90;
const ALERTS_PER_SECOND = 10;
const STEP_WAIT_SECONDS = 5;
const KILL_EVERY_MS = 10_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? null;

interface Scenario {
  kills: boolean;
  /** People whose webhook hangs: their pages are not measured. */
  hanging: string[];
}

async function storm(cluster: PgCluster, name: string, scenario: Scenario) {
  const receiver: WebhookReceiver = await startWebhookReceiver();
  const env = { VIGIL_DATABASE_URL: await cluster.createDatabase(name), VIGIL_SECRET: 'bench-secret-bench-secret-bench-secret' };
  const ports = await Promise.all([freePort(), freePort(), freePort()]);
  const nodes: ServerProcess[] = await Promise.all(ports.map((port) => startServerProcess(env, port)));
  const people = ['alice', 'bob', 'carol'];
  for (const who of scenario.hanging) receiver.hang(`/${who}`);
  const s = await prepareStorm(() => nodes.filter((n) => n.alive()).map((n) => n.url), receiver, people, STEP_WAIT_SECONDS);
  // Step 1 pages Alice and Carol together, step 2 Bob: Carol's pages share their due time with Alice's.
  const policyId = ((await (await s.api('GET', '/escalation-policies')).json()) as { items: { id: string; name: string; teamId: string }[] }).items.find((p) => p.name === 'Storm');
  await s.api('PUT', `/escalation-policies/${policyId?.id}`, {
    name: 'Storm',
    teamId: policyId?.teamId,
    steps: [
      { waitSeconds: STEP_WAIT_SECONDS, targets: [{ type: 'user', userId: s.userIds['alice'] }, { type: 'user', userId: s.userIds['carol'] }] },
      { waitSeconds: STEP_WAIT_SECONDS, targets: [{ type: 'user', userId: s.userIds['bob'] }] },
    ],
  });

  const triggeredAt = new Map<string, number>();
  let kills = 0;
  let stop = false;
  // A kill every 10 s on the dot, whatever the restarts take (a restart runs beside the next wait).
  const restarts: Promise<void>[] = [];
  const chaos = (async () => {
    while (scenario.kills && !stop) {
      await sleep(KILL_EVERY_MS);
      if (stop) break;
      const victim = kills % nodes.length;
      await nodes[victim]?.kill9();
      kills++;
      restarts.push(startServerProcess(env, ports[victim] as number).then((node) => void (nodes[victim] = node)));
    }
    await Promise.all(restarts);
  })();
  const started = Date.now();
  let i = 0;
  const inflight: Promise<void>[] = [];
  while (Date.now() - started < STORM_SECONDS * 1000) {
    const n = i++;
    inflight.push(
      (async () => {
        const id = await s.raise(n);
        // Any live node answers; a node killed mid-request is simply asked again.
        while (!triggeredAt.has(id)) {
          const res = await s.api('GET', `/incidents/${id}`).catch(() => null);
          if (res?.ok) triggeredAt.set(id, Date.parse(((await res.json()) as { triggeredAt: string }).triggeredAt));
          else await sleep(50);
        }
      })(),
    );
    await sleep(1000 / ALERTS_PER_SECOND);
  }
  await Promise.all(inflight);
  stop = true;
  await chaos;
  const measured = people.filter((p) => !scenario.hanging.includes(p));
  const expected = triggeredAt.size * measured.length;
  const deadline = Date.now() + 120_000;
  const pages = () => receiver.received.filter((r) => measured.includes(r.path.slice(1)));
  while (new Set(pages().map((r) => r.idempotencyKey)).size < expected && Date.now() < deadline) await sleep(500);
  await sleep(3000);

  const firstArrival = new Map<string, number>();
  for (const r of pages()) if (!firstArrival.has(r.idempotencyKey)) firstArrival.set(r.idempotencyKey, r.at);
  const lateness: number[] = [];
  const seen = new Set<string>();
  for (const r of pages()) {
    if (seen.has(r.idempotencyKey)) continue;
    seen.add(r.idempotencyKey);
    const t0 = triggeredAt.get(r.body.incident?.id ?? '');
    if (t0 === undefined) continue;
    const due = r.path === '/bob' ? t0 + STEP_WAIT_SECONDS * 1000 : t0;
    lateness.push(r.at - due);
  }
  lateness.sort((a, b) => a - b);
  const deliveries = pages().length;
  for (const node of nodes) await node.stop();
  await receiver.close();
  return {
    nodes: nodes.length,
    kills,
    hanging: scenario.hanging,
    incidents: triggeredAt.size,
    pagesExpected: expected,
    pagesDelivered: seen.size,
    lost: expected - seen.size,
    sameKeyRedeliveries: deliveries - seen.size,
    redeliveryPercent: Math.round(((deliveries - seen.size) / Math.max(1, seen.size)) * 10_000) / 100,
    dueToPageMs: { p50: percentile(lateness, 50), p99: percentile(lateness, 99), max: lateness.at(-1) ?? null },
  };
}

export async function run(): Promise<object> {
  const bin = findPgBin();
  if (!bin) return { skipped: 'no PostgreSQL binaries (apt-get install -y postgresql)' };
  const cluster = await startPgCluster(bin);
  try {
    const killed = await storm(cluster, 'bench_failover', { kills: true, hanging: [] });
    const calm = await storm(cluster, 'bench_calm', { kills: false, hanging: [] });
    const hanging = await storm(cluster, 'bench_hanging', { kills: false, hanging: ['alice'] });
    return {
      stormSeconds: STORM_SECONDS,
      alertsPerSecond: ALERTS_PER_SECOND,
      killEverySeconds: KILL_EVERY_MS / 1000,
      killed: { ...killed, goal: 'p99 ≤ 5000 ms, max ≤ 15000 ms, redelivery ≤ 0.2 %, none lost', pass: killed.lost === 0 && (killed.dueToPageMs.p99 ?? Infinity) <= 5000 && (killed.dueToPageMs.max ?? Infinity) <= 15_000 && killed.redeliveryPercent <= 0.2 },
      calm,
      hanging: { ...hanging, goal: 'healthy destinations p99 ≤ 2 × calm p99', pass: hanging.lost === 0 && (hanging.dueToPageMs.p99 ?? Infinity) <= 2 * Math.max(calm.dueToPageMs.p99 ?? 0, 50) },
    };
  } finally {
    cluster.stop();
  }
}
