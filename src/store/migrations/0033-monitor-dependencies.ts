import type { Kysely } from 'kysely';

// A monitor may depend on others: while one of them is down, its new incidents are
// recorded without paging, linked to that parent's incident.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monitor_dependencies')
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('depends_on_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('monitor_dependencies_pk', ['monitor_id', 'depends_on_id'])
    .execute();
  // Deleting a parent, and showing who depends on a monitor, look up by parent.
  await db.schema.createIndex('monitor_dependencies_parent').on('monitor_dependencies').column('depends_on_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('monitor_dependencies').execute();
}
