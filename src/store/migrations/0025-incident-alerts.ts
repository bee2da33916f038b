import { PostgresAdapter, sql, type Kysely } from 'kysely';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

// Every alert an incident received (the one that opened it and each one it absorbed),
// with what its sender said: normalised details JSON, at most 32 KiB. Keyed by incident
// then id (time-ordered), the one order it is read in; on SQLite without a rowid, so an
// alert is one B-tree insert: with a rowid table and a separate index each group commit
// of a dedup storm wrote three B-trees, which cost the dedup fast path a third of its
// throughput (ingest benchmark).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_alerts')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_alerts_pk', ['incident_id', 'id'])
    .$call((q) => (isPostgres(db) ? q : q.modifyEnd(sql`without rowid`)))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_alerts').execute();
}
