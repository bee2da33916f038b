import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the build reads: a change to any of them makes dist/ and web/dist stale. */
const sources = ['src', 'web', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
/** Directories under the sources that hold output or installed packages, not sources. */
const skipped = new Set(['dist', 'node_modules']);
/** What `vigil serve` needs from a build. */
const outputs = ['dist/cli/vigil.js', 'web/dist/index.html'];
/** When the last successful build started (epoch ms), written by scripts/build.mjs. */
const stampFile = 'dist/.build-stamp';

/** The newest modification time (epoch ms) of any source file under `root`. */
export function newestSourceMtime(root) {
  let newest = 0;
  const visit = (file) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const entry of readdirSync(file)) if (!skipped.has(entry)) visit(path.join(file, entry));
  };
  for (const source of sources) visit(path.join(root, source));
  return newest;
}

/**
 * True when the last build started after every source was last changed and its outputs
 * are there. The stamp holds the build's start, not its end: a file saved during a build
 * may have been read before the change, so it makes the build stale.
 */
export function isBuildCurrent(root) {
  if (outputs.some((output) => !existsSync(path.join(root, output)))) return false;
  const stamp = path.join(root, stampFile);
  if (!existsSync(stamp)) return false;
  const builtAt = Number(readFileSync(stamp, 'utf8'));
  return Number.isFinite(builtAt) && newestSourceMtime(root) <= builtAt;
}

export function writeBuildStamp(root, startedAt) {
  writeFileSync(path.join(root, stampFile), `${startedAt}\n`);
}
