import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { createDatabaseAt } from './postgres-cluster.js';

export type TestDialect = 'sqlite' | 'postgres';

export interface TestDatabase {
  dialect: TestDialect;
  /** A fresh, empty database URL for one test file's suite. */
  url: string;
  drop(): Promise<void>;
}

async function createPgDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `vigil_test_${randomBytes(6).toString('hex')}`;
  return {
    dialect: 'postgres',
    url: await createDatabaseAt(adminUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-sqlite-'));
  return {
    dialect: 'sqlite',
    url: `sqlite:${path.join(dir, 'vigil.db')}`,
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

export function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') return Promise.resolve(createSqliteDatabase());
  const pgUrl = inject('pgUrl');
  if (!pgUrl) throw new Error('PostgreSQL is not available');
  return createPgDatabase(pgUrl);
}

/**
 * Runs a suite once per database, like Kysely's own tests. The PostgreSQL run is
 * skipped (loudly, by the global setup) only outside CI when no server exists.
 */
export function describeEachDatabase(name: string, suite: (dialect: TestDialect) => void): void {
  describe.each<TestDialect>(['sqlite', 'postgres'])(`${name} [%s]`, (dialect) => {
    if (dialect === 'postgres' && !inject('pgUrl')) {
      describe.skip('PostgreSQL unavailable', () => suite(dialect));
      return;
    }
    suite(dialect);
  });
}
