// Checks benchmark: one whole Vigil server running 1,000 HTTP monitors at 20 s and at 60 s
// and 10,000 at 60 s on SQLite, and two servers sharing 10,000 at 60 s on PostgreSQL,
// against a local HTTP target in another process; and an idle server (demo data, no
// checked monitors). Reports CPU per check and as a share of one core, peak RSS, the gap
// between two checks of a monitor, whether every due check ran, and the load average of
// the machine meanwhile.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPgBin, startPgCluster } from '../test/support/postgres-cluster.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// A server's first minute costs more than its steady state: V8 lets the heap grow after
// start-up and collects it in full (shrinking it) about 50 s in. So the first window starts
// 70 s after the start. At 17 checks a second (1,000 monitors at 60 s) V8 is still compiling
// the check path with its optimising tier minutes later, one function at a time as each
// reaches its threshold; a second window 300 s after the start measures the steady state
// a long-running server is in. At 10,000 monitors that is over within the first window.
const FIRST_WINDOW_S = 70;
const STEADY_WINDOW_S = 300;
const MEASURE_S = 60;
// V8 goes on shrinking the heap for a while after start-up; a shorter wait measures that.
const IDLE_WARMUP_S = 60;

// The target answers like a small health endpoint, with keep-alive.
const TARGET = `
const http = require('node:http');
const server = http.createServer((req, res) => res.end('{"status":"ok"}'));
server.keepAliveTimeout = 65000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function startTarget() {
  const child = spawn(process.execPath, ['-e', TARGET], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/**
 * The nodes run as plain JavaScript, as `npm start` runs the server: a TypeScript loader
 * in the process would add its own memory and CPU to the figures.
 */
async function bundle(name: string): Promise<string> {
  // Inside node_modules, so that the bundle's imports of packages resolve.
  const outfile = path.join(here, '..', 'node_modules', '.cache', 'vigil-bench', `${name}.mjs`);
  await build({
    entryPoints: [path.join(here, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** The machine is shared: its load average beside each figure says how far to trust it. */
const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

interface NodeRun {
  /** Resolves once the node has created the monitors (at once when it joins). */
  seeded: Promise<void>;
  result: Promise<Record<string, unknown>>;
}

function startNode(script: string, databaseUrl: string, monitors: number, intervalS: number, targetUrl: string, windows: number[], join = false): NodeRun {
  const args = [script, databaseUrl, String(monitors), String(intervalS), targetUrl, windows.join(','), String(MEASURE_S), ...(join ? ['join'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  let seeded: () => void = () => undefined;
  const seededPromise = new Promise<void>((resolve) => (seeded = resolve));
  const result = new Promise<Record<string, unknown>>((resolve, reject) => {
    lines.on('line', (line) => {
      const message = JSON.parse(line) as Record<string, unknown>;
      if (message['seeded']) seeded();
      else resolve({ ...message, loadAverage: loadAverage() });
    });
    child.on('exit', (code) => code !== 0 && reject(new Error(`bench node exited with ${code}`)));
  });
  return { seeded: seededPromise, result };
}

/** Two nodes on one PostgreSQL database share 10,000 monitors. */
async function twoNodes(script: string, targetUrl: string): Promise<Record<string, unknown>> {
  const bin = findPgBin();
  if (!bin) return { skipped: 'no PostgreSQL binaries (apt-get install -y postgresql)' };
  const cluster = await startPgCluster(bin);
  try {
    const url = await cluster.createDatabase('bench_checks');
    const first = startNode(script, url, 10_000, 60, targetUrl, [FIRST_WINDOW_S]);
    await first.seeded;
    const second = startNode(script, url, 10_000, 60, targetUrl, [FIRST_WINDOW_S], true);
    const nodes = [await first.result, await second.result];
    // Each node counts the results both stored (one table); the windows differ by a second.
    const windows = nodes.map((node) => (node['windows'] as Record<string, unknown>[])[0] ?? {});
    const checks = Number(windows[0]?.['checks']);
    const cpuMs = windows.reduce((n, w) => n + Number(w['cpuMs']), 0);
    return { monitors: 10_000, checksBothNodes: checks, expectedChecks: windows[0]?.['expectedChecks'], cpuMsPerCheckBothNodes: Math.round((cpuMs / checks) * 1000) / 1000, nodes };
  } finally {
    cluster.stop();
  }
}

/** The whole server, idle: what it costs to keep running when nothing is due. */
async function idleServer(dir: string): Promise<Record<string, unknown>> {
  const script = await bundle('idle-node');
  const child = spawn(process.execPath, [script, dir, String(IDLE_WARMUP_S), String(MEASURE_S)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const result = await new Promise<Record<string, unknown>>((resolve, reject) => {
    lines.on('line', (line) => resolve(JSON.parse(line) as Record<string, unknown>));
    child.on('exit', (code) => code !== 0 && reject(new Error(`idle node exited with ${code}`)));
  });
  return { ...result, loadAverage: loadAverage() };
}

export async function run() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-checks-bench-'));
  const target = await startTarget();
  const results: Record<string, unknown> = {};
  try {
    const script = await bundle('checks-server');
    for (const [monitors, intervalS] of [
      [1_000, 20],
      [1_000, 60],
      [10_000, 60],
    ] as const) {
      const url = `sqlite:${path.join(dir, `vigil-${monitors}-${intervalS}.db`)}`;
      const windows = monitors === 1_000 ? [FIRST_WINDOW_S, STEADY_WINDOW_S] : [FIRST_WINDOW_S];
      results[`sqlite_${monitors}_every_${intervalS}s`] = await startNode(script, url, monitors, intervalS, target.url, windows).result;
    }
    results['postgres_10000_every_60s_two_nodes'] = await twoNodes(script, target.url);
    results['idle_server_sqlite_demo_data'] = await idleServer(dir);
  } finally {
    target.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
