// `npm run build`: the server (tsc) and the UI (vite), then a stamp so that `npm start` knows the build is current.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeBuildStamp } from './build-freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// eslint-disable-next-line no-restricted-syntax -- the build's own wall-clock time, compared with file times
const startedAt = Date.now();
for (const script of ['build:server', 'build:web']) {
  const { status } = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
writeBuildStamp(root, startedAt);
