import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeArgsFor } from './vigil-bundle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `vigil` command line from the sources (no build needed: this run's bundle of
 * them, see vigil-bundle-global-setup.ts) as its own process, with `env` on top of this
 * one's and `input` on its standard input. `entry` is another source entry point to run.
 */
export function runVigilCli(args: string[], options: { env?: Record<string, string>; input?: string; entry?: string } = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [...nodeArgsFor(options.entry ?? 'src/cli/vigil.ts'), ...args], {
    cwd: root,
    env: { ...process.env, VIGIL_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The non-empty lines a command wrote. */
export const linesOf = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');
