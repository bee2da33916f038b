// Public status page benchmark (issue 20): GET /status/<slug> of a page with 50 components,
// each one checked HTTP monitor with 90 days of hourly rollups, served by a Vigil process on
// SQLite, measured with autocannon side by side with a bare Fastify 5 handler sending the
// same compressed bytes (the floor any Node server has). Browsers ask with
// Accept-Encoding, so the runs do too. Goal: ≥ 2,000 req/s and p99 ≤ 20 ms on one node.
// Environment: BENCH_STATUS_SECONDS=10 (measured seconds per run).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { openDatabase } from '../src/store/database.js';
import { demoAdmin } from '../test/support/demo-admin.js';
import { startServerProcess } from '../test/support/server-process.js';
import { freePort } from '../test/support/storm.js';

const COMPONENTS = 50;
const SECTIONS = 5;
const DAYS = 90;
const CONNECTIONS = 10;
const WARMUP_S = 2;
const MEASURE_S = Number(process.env['BENCH_STATUS_SECONDS'] ?? 10);
const GOAL = { reqPerSec: 2000, p99Ms: 20 };
const HOUR = 3_600_000;
const ENCODING = { 'accept-encoding': 'gzip, deflate, br' };

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** CPU time (user + system) a process has used so far, in ms (Linux USER_HZ is 100). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function cannon(url: string): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: MEASURE_S, headers: ENCODING, timeout: 10 }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function measure(url: string, pid: number) {
  await new Promise<void>((resolve, reject) => autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, headers: ENCODING }, (err) => (err ? reject(err) : resolve())));
  const load = loadavg();
  const cpuBefore = cpuMsOf(pid);
  const r = await cannon(url);
  const cpuMs = cpuMsOf(pid) - cpuBefore;
  return {
    reqPerSec: round(r.requests.average),
    requests2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    bytesPerResponse: r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : null,
    serverCpuMsPerRequest: r.requests.total > 0 ? round(cpuMs / r.requests.total, 3) : null,
    loadavgBefore: load,
    loadavgAfter: loadavg(),
  };
}

/** A bare Fastify 5 process answering every GET with these bytes, as brotli. */
async function bareFastify(body: Buffer, port: number) {
  const script = `
    import Fastify from 'fastify';
    const body = Buffer.from(process.env.BODY, 'base64');
    const app = Fastify();
    app.get('/', (_req, reply) => reply.header('content-type', 'text/html; charset=utf-8').header('content-encoding', 'br').header('vary', 'Accept-Encoding').send(body));
    await app.listen({ host: '127.0.0.1', port: ${port} });
    console.log('ready');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: path.resolve(import.meta.dirname, '..'), env: { ...process.env, BODY: body.toString('base64') }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', () => resolve());
    child.once('exit', (code) => reject(new Error(`bare Fastify exited with ${code}`)));
  });
  return { pid: child.pid as number, stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))) };
}

function rawGet(url: string, headers: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

export async function run(): Promise<unknown> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-status-bench-'));
  const file = path.join(dir, 'vigil.db');
  // What the monitors check: always up, so the page is all green as most pages are.
  const target: Server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const targetUrl = `http://127.0.0.1:${(target.address() as { port: number }).port}/health`;
  const port = await freePort();
  const vigil = await startServerProcess({ VIGIL_DATABASE_URL: `sqlite:${file}` }, port);
  try {
    const login = await fetch(`${vigil.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demoAdmin.email, password: demoAdmin.password }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const api = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${vigil.url}/api/v1${url}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const teams = await api<{ items: { id: string }[] } | { id: string }[]>('GET', '/teams');
    const teamId = (Array.isArray(teams) ? teams : teams.items)[0]?.id;
    const policies = await api<{ items: { id: string }[] } | { id: string }[]>('GET', '/escalation-policies');
    const policyId = (Array.isArray(policies) ? policies : policies.items)[0]?.id;
    const monitorIds: string[] = [];
    for (let i = 0; i < COMPONENTS; i++) {
      const m = await api<{ id: string }>('POST', '/monitors', { name: `Internal check ${i}`, teamId, policyId, kind: 'http', http: { url: targetUrl } });
      monitorIds.push(m.id);
    }
    // 90 days of hourly rollups per monitor, a few hours down here and there.
    const now = Date.now();
    const firstHour = Math.floor(now / HOUR) * HOUR - (DAYS + 1) * 24 * HOUR;
    const database = await openDatabase(`sqlite:${file}`);
    try {
      const rows = monitorIds.flatMap((monitorId, m) =>
        Array.from({ length: (DAYS + 1) * 24 }, (_, h) => {
          const down = (h * 7 + m * 13) % 997 === 0 ? 20 : 0;
          return { monitor_id: monitorId, hour: firstHour + h * HOUR, checks: 60, up: 60 - down, response_ms_sum: 60 * 40, response_count: 60 };
        }),
      );
      for (let i = 0; i < rows.length; i += 500) await database.db.insertInto('check_rollups').values(rows.slice(i, i + 500)).onConflict((oc) => oc.doNothing()).execute();
    } finally {
      await database.close();
    }
    const page = await api<{ id: string }>('POST', '/status-pages', { teamId, name: 'Bench Cloud', slug: 'bench', timeZone: 'Europe/Berlin', accentColor: '#3b5bdb', access: 'public' });
    const perSection = COMPONENTS / SECTIONS;
    await api('PUT', `/status-pages/${page.id}/layout`, {
      sections: Array.from({ length: SECTIONS }, (_, s) => ({
        name: `Region ${s + 1}`,
        components: monitorIds.slice(s * perSection, (s + 1) * perSection).map((id, c) => ({ name: `Service ${s + 1}.${c + 1}`, monitorIds: [id] })),
      })),
    });
    const pageUrl = `${vigil.url}/status/bench`;
    // The first request builds the view (every rollup of the 90 days), renders and compresses it: what a rebuild costs every 15 s.
    const coldStart = performance.now();
    const first = await fetch(pageUrl, { headers: ENCODING });
    const html = await first.text();
    const coldMs = round(performance.now() - coldStart);
    const warmStart = performance.now();
    await rawGet(pageUrl, ENCODING);
    const warmMs = round(performance.now() - warmStart, 2);
    if (!first.ok || (html.match(/class="component"/g) ?? []).length !== COMPONENTS) throw new Error(`the page does not show ${COMPONENTS} components: ${first.status}`);
    // fetch() would decompress: the bytes as sent come through node:http.
    const compressed = await rawGet(pageUrl, ENCODING);
    const sizes = { htmlBytes: Buffer.byteLength(html), brotliBytes: compressed.length, firstRequestMs: coldMs, cachedRequestMs: warmMs };

    const serverPid = Number(
      readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .find((p) => readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('src/app/main.ts')),
    );
    const barePort = await freePort();
    const bare = await bareFastify(compressed, barePort);
    let baseline;
    try {
      baseline = await measure(`http://127.0.0.1:${barePort}/`, bare.pid);
    } finally {
      await bare.stop();
    }
    const statusPage = await measure(pageUrl, serverPid);
    const summary = await measure(`${pageUrl}/summary.json`, serverPid);
    return {
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: loadavg() },
      page: { components: COMPONENTS, days: DAYS, rollupRows: COMPONENTS * (DAYS + 1) * 24, ...sizes },
      connections: CONNECTIONS,
      seconds: MEASURE_S,
      bareFastify: baseline,
      statusPage,
      summaryJson: summary,
      goal: GOAL,
      meetsGoal: statusPage.reqPerSec >= GOAL.reqPerSec && statusPage.latencyMs.p99 <= GOAL.p99Ms && statusPage.non2xx === 0,
    };
  } finally {
    await vigil.stop();
    target.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
