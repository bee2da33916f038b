// The ingest benchmarks' processes and load: bundling Vigil's bench node, starting a child
// and reading its CPU time, and the PagerDuty events autocannon sends (ingest.bench.ts,
// ingest-versus.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { build } from 'esbuild';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles a bench entry point (of this checkout, or of `checkout`) to plain JavaScript
 * inside this checkout's node_modules, so its package imports resolve there.
 */
export async function bundle(entry: string, checkout = repo, name = entry.replace(/\.ts$/, '')): Promise<string> {
  const outfile = path.join(repo, 'node_modules', '.cache', 'vigil-bench', `${name}.mjs`);
  await build({ entryPoints: [path.join(checkout, 'bench', entry)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return outfile;
}

/** CPU time (user + system) a process has used so far, in ms (Linux USER_HZ is 100). */
export function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface Child {
  process: ChildProcess;
  /** The first line the child printed. */
  first: string;
  stop(): Promise<void>;
}

/** Starts a node process and waits for its first line on stdout. */
export async function startChild(args: string[]): Promise<Child> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before it was ready`)));
  });
  return {
    process: child,
    first,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

export const pdEvent = (routingKey: string, dedupKey: string, summary = 'Disk full on db-1') =>
  JSON.stringify({ routing_key: routingKey, event_action: 'trigger', dedup_key: dedupKey, payload: { summary, source: 'db-1', severity: 'critical' } });
export const JSON_HEADERS = { 'content-type': 'application/json' };

/** Concurrent connections each load keeps open: the measurements used 10. */
export const INGEST_CONNECTIONS = 10;

/** One autocannon run, as a promise. */
export function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: INGEST_CONNECTIONS, timeout: 10, ...options }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}
