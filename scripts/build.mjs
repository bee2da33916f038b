// `npm run build`: the server (tsc) and the UI (vite), then a stamp so that `npm start` knows the build is current.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeBuildStamp } from './build-freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// eslint-disable-next-line no-restricted-syntax -- the build's own wall-clock time, compared with file times
const startedAt = Date.now();

/** Runs `npm run <script>`; resolves with its exit status. */
const run = (script) =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { cwd: root, stdio: 'inherit' });
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });

// Side by side: tsc keeps one core busy, vite mostly the other, and neither reads what the other writes.
const statuses = await Promise.all(['build:server', 'build:web'].map(run));
const failed = statuses.find((status) => status !== 0);
if (failed !== undefined) process.exit(failed);
writeBuildStamp(root, startedAt);
