import type { Kysely } from 'kysely';

// PagerDuty change events (deploys, config changes): kept per monitor, shown on the
// timelines of that monitor's incidents around the time they happened.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('change_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_events_monitor_at').on('change_events').columns(['monitor_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('change_events').execute();
}
