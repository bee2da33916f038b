import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoAdmin } from './demo-admin.js';
import { nodeArgsFor } from './vigil-bundle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A Vigil server in its own process, so a test can kill -9 it like a crashed node. */
export interface ServerProcess {
  url: string;
  /** True while the process runs: a node must survive a database outage. */
  alive(): boolean;
  /** What the process wrote to stderr so far. */
  stderr(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

const START_LIMIT_MS = 120_000;

export async function startServerProcess(env: Record<string, string>, port: number): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, nodeArgsFor('src/app/main.ts'), {
    cwd: root,
    env: { ...process.env, VIGIL_HOST: '127.0.0.1', VIGIL_PORT: String(port), VIGIL_LOG_LEVEL: 'warn', VIGIL_ALLOW_PRIVATE_DESTINATIONS: '1', VIGIL_DEMO_PASSWORD: demoAdmin.password, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Waits for the server rather than for a set time: loading src through tsx took over 30 s
  // on a 2-core machine at load 14 (CI with other work running); a server that fails exits.
  const giveUpAt = Date.now() + START_LIMIT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited during start: ${stderr}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > giveUpAt) throw new Error(`server did not start within ${START_LIMIT_MS / 1000} s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    alive: () => child.exitCode === null && child.signalCode === null,
    stderr: () => stderr,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
