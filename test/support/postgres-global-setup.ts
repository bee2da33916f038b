import type { TestProject } from 'vitest/node';
import { findPgBin, startPgCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server, or null when it is unavailable (never in CI). */
    pgUrl: string | null;
  }
}

const banner = (lines: string[]) => `\n${'!'.repeat(78)}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${'!'.repeat(78)}\n`;

/**
 * Gives every integration test a PostgreSQL server: VIGIL_TEST_PG_URL if set, else a
 * private cluster started here. Without PostgreSQL, CI fails; a laptop run skips the
 * PostgreSQL half loudly.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env['VIGIL_TEST_PG_URL'];
  if (given) {
    project.provide('pgUrl', given);
    return undefined;
  }
  const bin = findPgBin();
  if (!bin) {
    const message = 'PostgreSQL binaries not found (/usr/lib/postgresql/*/bin/initdb).';
    if (process.env['CI']) throw new Error(`${message} CI must run every test on PostgreSQL.`);
    console.warn(
      banner([
        message,
        'SKIPPING the PostgreSQL half of every integration test.',
        'Install: apt-get install -y postgresql   (or set VIGIL_TEST_PG_URL=postgres://...)',
      ]),
    );
    project.provide('pgUrl', null);
    return undefined;
  }
  const cluster = await startPgCluster(bin);
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
