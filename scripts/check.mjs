// `npm run check` (type checks and lint), `npm run typecheck` (`node scripts/check.mjs typecheck`):
// the commands run side by side, as many at once as there are cores (two on CI, where one
// after the other took ~110 s of a ~60 s critical path), each one's output shown whole when it ends.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Each command with the CPU seconds it took on CI's machine: the longest start first, so the
// last to start is a short one.
const groups = {
  typecheck: [
    ['tsc -p tsconfig.json --noEmit', 44],
    ['tsc -p web/tsconfig.json --noEmit', 18],
    ['tsc -p test/e2e/tsconfig.json --noEmit', 7],
  ],
  lint: [['eslint .', 37]],
};
const chosen = process.argv.slice(2);
for (const name of chosen) if (!(name in groups)) throw new Error(`unknown check ${name}; known: ${Object.keys(groups).join(', ')}`);
const commands = (chosen.length > 0 ? chosen : Object.keys(groups))
  .flatMap((name) => groups[name])
  .sort((a, b) => b[1] - a[1])
  .map(([command]) => command);

const env = { ...process.env, PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env['PATH'] ?? ''}` };

/** Runs one command, keeping its output; resolves with its exit status. */
const run = (command) =>
  new Promise((resolve) => {
    const child = spawn(command, { cwd: root, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', (error) => resolve({ command, status: 1, output: `${output}${error.message}\n` }));
    child.once('close', (code) => resolve({ command, status: code ?? 1, output }));
  });

const queue = [...commands];
let failed = false;
const worker = async () => {
  for (let command = queue.shift(); command !== undefined; command = queue.shift()) {
    const result = await run(command);
    failed ||= result.status !== 0;
    process.stdout.write(`> ${result.command}${result.status === 0 ? '' : ` (exit ${result.status})`}\n${result.output}`);
  }
};
await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
if (failed) process.exit(1);
