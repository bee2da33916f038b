// `npm start`: builds only when dist/ or web/dist is missing or older than the sources, then runs `vigil serve` in this process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isBuildCurrent } from './build-freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!isBuildCurrent(root)) {
  console.log('Building Vigil first: there is no build yet, or the sources changed since.');
  const { status } = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
const { runVigil } = await import('../dist/cli/program.js');
await runVigil(['serve']);
