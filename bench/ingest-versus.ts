// Two versions of Vigil's ingest side by side: this checkout and another (a worktree of an
// older commit, say), each in a Vigil node of its own on a fresh SQLite file, both running
// at once and paging one receiver. Each burst loads both at the same time (10 connections
// each), so both see the machine in the same state: whole runs minutes apart differed by
// ±20 % on this virtual machine, and bursts taken in turn drifted within a run.
//   npx tsx bench/ingest-versus.ts <other-checkout> [dedup|trigger] [rounds=8] [seconds=4] [rate]
// With a rate (requests/s to each node) both run below what the machine can take, so
// their CPU per request compares them at the same batch sizes rather than telling which
// of the two won the cores in that burst.
// With VERSUS_DATABASE=postgres each node gets a database of its own on one private
// PostgreSQL cluster instead (both then share the cluster's cores, as they share the CPUs).
// (git worktree add /tmp/base <commit>; ln -s "$PWD/node_modules" /tmp/base/node_modules)
// Prints JSON: each burst's req/s and Vigil's CPU per request, and the medians for A (the
// other checkout) and B (this one). Both bundles use this checkout's node_modules.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import type autocannon from 'autocannon';
import { findPgBin, startPgCluster } from '../test/support/postgres-cluster.js';
import { bundle, cannon, cpuMsOf, JSON_HEADERS, pdEvent, startChild, type Child } from './ingest-processes.js';

const [other = '', scenario = 'dedup', roundsArg = '8', secondsArg = '4', rateArg] = process.argv.slice(2);
if (!other || !['dedup', 'trigger'].includes(scenario)) throw new Error('usage: ingest-versus.ts <other-checkout> [dedup|trigger] [rounds] [seconds]');
const rounds = Number(roundsArg);
const seconds = Number(secondsArg);
const rate = rateArg === undefined ? undefined : Number(rateArg);

interface Node {
  label: 'A' | 'B';
  child: Child;
  enqueueUrl: string;
  key: string;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-ingest-versus-'));
const onPostgres = process.env['VERSUS_DATABASE'] === 'postgres';
const pgBin = onPostgres ? findPgBin() : undefined;
if (onPostgres && !pgBin) throw new Error('VERSUS_DATABASE=postgres: no PostgreSQL binaries (apt-get install -y postgresql)');
const cluster = pgBin ? await startPgCluster(pgBin) : undefined;
const databaseUrl = async (label: string) => (cluster ? cluster.createDatabase(`versus_${label.toLowerCase()}`) : `sqlite:${path.join(dir, `${label}.db`)}`);
const receiver = await startChild([await bundle('ingest-peers.ts'), 'receiver']);
const receiverUrl = `http://127.0.0.1:${receiver.first}/page`;
const start = async (label: 'A' | 'B', script: string): Promise<Node> => {
  const child = await startChild([script, await databaseUrl(label), receiverUrl, '600']);
  const info = JSON.parse(child.first) as { enqueueUrl: string; dedup: { key: string }; trigger: { key: string } };
  return { label, child, enqueueUrl: info.enqueueUrl, key: scenario === 'dedup' ? info.dedup.key : info.trigger.key };
};
const nodes = [await start('A', await bundle('ingest-node.ts', path.resolve(other), 'ingest-node-other')), await start('B', await bundle('ingest-node.ts'))] as const;

let sequence = 0;
/** One burst against `node`: req/s and the node's CPU per request over it. */
async function burst(node: Node, duration: number) {
  const cpuBefore = cpuMsOf(node.child.process.pid);
  const result = await cannon({
    url: node.enqueueUrl,
    duration,
    ...(rate !== undefined && { overallRate: rate }),
    requests: [
      {
        method: 'POST',
        path: new URL(node.enqueueUrl).pathname,
        headers: JSON_HEADERS,
        // A new incident per request, or one dedup key again and again.
        setupRequest: (req: autocannon.RawRequest) => ({ ...req, body: pdEvent(node.key, scenario === 'dedup' ? 'versus' : `versus-${sequence++}`) }),
      },
    ],
  });
  return { node: node.label, reqPerSec: result.requests.average, cpuMsPerRequest: Math.round(((cpuMsOf(node.child.process.pid) - cpuBefore) / result.requests.total) * 1e4) / 1e4, p99Ms: result.latency.p99, non2xx: result.non2xx };
}

try {
  // JIT and caches warm: the first seconds of a fresh node cost up to twice as much.
  await Promise.all(nodes.map((node) => burst(node, 6)));
  const bursts: Awaited<ReturnType<typeof burst>>[] = [];
  for (let round = 0; round < rounds; round++) {
    bursts.push(...(await Promise.all(nodes.map((node) => burst(node, seconds)))));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const of = (label: string) => bursts.filter((b) => b.node === label);
  const summary = Object.fromEntries(['A', 'B'].map((label) => [label, { reqPerSec: median(of(label).map((b) => b.reqPerSec)), cpuMsPerRequest: median(of(label).map((b) => b.cpuMsPerRequest)), non2xx: of(label).reduce((n, b) => n + b.non2xx, 0) }]));
  console.log(JSON.stringify({ scenario, database: onPostgres ? 'postgres' : 'sqlite', other: path.resolve(other), rounds, seconds, rate, loadavg: os.loadavg(), bursts, median: summary }, null, 1));
} finally {
  await Promise.all([...nodes.map((n) => n.child.stop()), receiver.stop()]);
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
