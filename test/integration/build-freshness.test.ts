import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBuildCurrent, newestSourceMtime, writeBuildStamp } from '../../scripts/build-freshness.mjs';

/** `npm start` rebuilds only when needed: checked on a miniature checkout with chosen file times. */
describe('build freshness (npm start)', () => {
  let root: string;
  const T = Date.parse('2026-11-30T10:00:00Z');

  const file = (name: string, mtime: number) => {
    const full = path.join(root, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, name);
    utimesSync(full, mtime / 1000, mtime / 1000);
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'vigil-freshness-'));
    file('src/app/main.ts', T - 60_000);
    file('web/src/main.tsx', T - 50_000);
    file('package-lock.json', T - 40_000);
    file('tsconfig.json', T - 30_000);
    file('dist/cli/vigil.js', T + 10_000);
    file('web/dist/index.html', T + 20_000);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('without a stamp (a fresh clone, or a build that failed) the build is stale', () => {
    expect(isBuildCurrent(root)).toBe(false);
  });

  it('a build started after the newest source is current; outputs and installed packages are no sources', () => {
    writeBuildStamp(root, T);
    file('web/dist/assets/late.js', T + 99_000);
    file('web/node_modules/x/index.js', T + 99_000);
    expect(newestSourceMtime(root)).toBe(T - 30_000);
    expect(isBuildCurrent(root)).toBe(true);
  });

  it('a source, the lock file or a tsconfig changed after the build started makes it stale', () => {
    for (const changed of ['src/core/new-file.ts', 'web/index.html', 'package-lock.json', 'tsconfig.build.json']) {
      writeBuildStamp(root, T);
      file(changed, T + 1);
      expect(isBuildCurrent(root), changed).toBe(false);
      writeBuildStamp(root, T + 2);
      expect(isBuildCurrent(root), changed).toBe(true);
    }
  });

  it('a missing output makes it stale whatever the stamp says', () => {
    writeBuildStamp(root, T);
    rmSync(path.join(root, 'web/dist/index.html'));
    expect(isBuildCurrent(root)).toBe(false);
  });
});
