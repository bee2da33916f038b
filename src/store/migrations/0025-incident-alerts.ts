import type { Kysely } from 'kysely';

// Every alert an incident received (the one that opened it and each one it absorbed),
// with what its sender said about it: normalised details JSON, at most 32 KiB.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_alerts_incident').on('incident_alerts').columns(['incident_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_alerts').execute();
}
