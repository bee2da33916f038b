import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPgBin, startPgCluster } from '../test/support/postgres-cluster.js';

/**
 * Runs a measurement on a fresh SQLite file, then on a fresh database of a private
 * PostgreSQL cluster (skipped, and said so, without PostgreSQL's binaries).
 */
export async function onBothDatabases<T>(name: string, measure: (url: string) => Promise<T>): Promise<{ sqlite: T; postgres: T | string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
  let sqlite: T;
  try {
    sqlite = await measure(`sqlite:${path.join(dir, 'vigil.db')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const bin = findPgBin();
  if (!bin) return { sqlite, postgres: 'skipped: no PostgreSQL binaries (apt-get install -y postgresql)' };
  const cluster = await startPgCluster(bin);
  try {
    return { sqlite, postgres: await measure(await cluster.createDatabase(`bench_${name}`)) };
  } finally {
    cluster.stop();
  }
}
