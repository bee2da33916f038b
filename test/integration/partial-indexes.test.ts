import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { down, up } from '../../src/store/migrations/0042-partial-indexes.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

// Migration 0042 keeps only rows with a value in five indexes. A partial index serves a
// query only when the database can prove the query's condition implies the index's, so
// each query shape the store runs on these columns must still be planned on its index:
// otherwise the engine's every pass would scan the incidents.
const QUERIES: [index: string, query: string][] = [
  // store/incidents.ts: due incidents, and the earliest next action.
  ['incidents_due', 'SELECT id FROM incidents WHERE next_action_at <= 1000 AND (lease_until IS NULL OR lease_until < 1000) ORDER BY next_action_at LIMIT 50'],
  ['incidents_due', 'SELECT min(next_action_at) FROM incidents WHERE next_action_at IS NOT NULL AND (lease_until IS NULL OR lease_until < 1000)'],
  // store/nodes.ts: a dead node's claims, and claims of a process older than node records.
  ['incidents_lease_owner', "UPDATE incidents SET lease_until = NULL, lease_owner = NULL WHERE lease_owner IN ('node-a', 'node-b')"],
  ['notifications_lease_owner', "UPDATE notifications SET status = 'queued', lease_until = NULL, lease_owner = NULL WHERE lease_owner IN ('node-a') AND status = 'sending'"],
  ['incidents_lease_until', 'UPDATE incidents SET lease_until = NULL WHERE lease_owner IS NULL AND lease_until IS NOT NULL'],
  // store/monitor-dependencies.ts: incidents waiting on a parent's (among triggered ones,
  // where the planners may prefer incidents_status), and the children a deleted incident
  // lets go of (ON DELETE SET NULL).
  ['incidents_parent', "SELECT id FROM incidents WHERE parent_incident_id IN ('a', 'b')"],
  ['incidents_parent', "UPDATE incidents SET parent_incident_id = NULL WHERE parent_incident_id = 'a'"],
];

describeEachDatabase('migration 0042: partial indexes on mostly-null columns', (dialect) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    database = openDatabase(test.url);
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  /** The index's definition as the database keeps it. */
  const definition = async (index: string): Promise<string> => {
    const { rows } =
      dialect === 'sqlite'
        ? await sql<{ def: string }>`SELECT sql AS def FROM sqlite_master WHERE type = 'index' AND name = ${index}`.execute(database.db)
        : await sql<{ def: string }>`SELECT indexdef AS def FROM pg_indexes WHERE indexname = ${index}`.execute(database.db);
    return rows[0]?.def ?? '';
  };

  /** The plan of `query`; PostgreSQL is told to avoid sequential scans, which on empty tables it would rightly prefer. */
  const plan = async (query: string): Promise<string> => {
    if (dialect === 'sqlite') {
      const { rows } = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${sql.raw(query)}`.execute(database.db);
      return rows.map((r) => r.detail).join('\n');
    }
    return database.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${sql.raw(query)}`.execute(trx);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  };

  it('keeps only rows with a value in each index', async () => {
    for (const index of new Set(QUERIES.map(([index]) => index))) expect(await definition(index)).toMatch(/where .* is not null/i);
  });

  it.each(QUERIES)('plans on %s: %s', async (index, query) => {
    expect(await plan(query)).toContain(index);
  });

  it('is undone to whole indexes and done again', async () => {
    const untyped = database.db as unknown as Kysely<unknown>;
    await down(untyped);
    expect(await definition('incidents_due')).not.toMatch(/where/i);
    expect(await definition('incidents_due')).toContain('next_action_at');
    await up(untyped);
    expect(await definition('incidents_due')).toMatch(/where .* is not null/i);
  });
});
