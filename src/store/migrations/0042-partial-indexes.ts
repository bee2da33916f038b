import { sql, type Kysely } from 'kysely';

// These columns are null on almost every row: a lease is held for seconds, a parent is
// set only on an incident its dependency suppressed, a next action only until the
// incident is resolved. Every query on them compares them with a value, so only rows
// with a value need an entry. Opening an incident wrote one entry into each of these
// indexes all the same, and in an alert storm on SQLite one page of the log per index
// per commit: 5 of the 47 pages each commit of new incidents wrote (bench/ingest.bench.ts).
// Both SQLite and PostgreSQL use such an index for a query whose comparison implies the
// column is not null (test/integration/partial-indexes.test.ts).
const PARTIAL: [index: string, table: string, column: string][] = [
  ['incidents_due', 'incidents', 'next_action_at'],
  ['incidents_lease_owner', 'incidents', 'lease_owner'],
  ['incidents_lease_until', 'incidents', 'lease_until'],
  ['incidents_parent', 'incidents', 'parent_incident_id'],
  ['notifications_lease_owner', 'notifications', 'lease_owner'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [index, table, column] of PARTIAL) {
    await db.schema.dropIndex(index).execute();
    await db.schema.createIndex(index).on(table).column(column).where(sql.ref(column), 'is not', null).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [index, table, column] of PARTIAL) {
    await db.schema.dropIndex(index).execute();
    await db.schema.createIndex(index).on(table).column(column).execute();
  }
}
