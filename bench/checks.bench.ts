// Check scheduler benchmark: one node running 1,000 and 10,000 HTTP monitors at 60 s
// against a local HTTP target in another process. Reports CPU per check, peak RSS,
// how late checks start, and whether every due check ran.
import { execFile, spawn } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const WARMUP_S = 30;
const MEASURE_S = 60;

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
 * The node runs as plain JavaScript, as `npm start` runs the server: a TypeScript loader
 * in the process would add its own memory and CPU to the figures.
 */
async function bundleNode(): Promise<string> {
  // Inside node_modules, so that the bundle's imports of packages resolve.
  const outfile = path.join(here, '..', 'node_modules', '.cache', 'vigil-bench', 'checks-node.mjs');
  await build({
    entryPoints: [path.join(here, 'checks-node.ts')],
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

function runNode(script: string, databaseUrl: string, monitors: number, targetUrl: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, databaseUrl, String(monitors), targetUrl, String(WARMUP_S), String(MEASURE_S)],
      { maxBuffer: 1 << 20 },
      (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout.trim().split('\n').at(-1) as string))),
    );
  });
}

export async function run() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-checks-bench-'));
  const target = await startTarget();
  const results: Record<string, unknown> = {};
  try {
    const script = await bundleNode();
    for (const monitors of [1_000, 10_000]) {
      results[`sqlite_${monitors}`] = await runNode(script, `sqlite:${path.join(dir, `vigil-${monitors}.db`)}`, monitors, target.url);
    }
  } finally {
    target.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
