import type { Kysely } from 'kysely';

// Checked monitors (HTTP, TCP, DNS, ping): when the next check is due and what the last
// ones found; every result for a while, and hourly rollups for longer.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('monitors').addColumn('next_check_at', 'bigint').execute();
  // Kept beside the JSON config so that claiming can advance next_check_at in SQL.
  await db.schema.alterTable('monitors').addColumn('check_interval_ms', 'bigint').execute();
  await db.schema.alterTable('monitors').addColumn('check_state', 'text').execute();
  await db.schema.createIndex('monitors_next_check').on('monitors').column('next_check_at').execute();

  await db.schema
    .createTable('check_results')
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('response_ms', 'integer')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('maintenance', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('check_results_monitor').on('check_results').columns(['monitor_id', 'at']).execute();
  await db.schema.createIndex('check_results_at').on('check_results').column('at').execute();

  await db.schema
    .createTable('check_rollups')
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('hour', 'bigint', (c) => c.notNull())
    // Checks outside maintenance windows, and how many of them passed.
    .addColumn('checks', 'integer', (c) => c.notNull())
    .addColumn('up', 'integer', (c) => c.notNull())
    .addColumn('response_ms_sum', 'bigint', (c) => c.notNull())
    .addColumn('response_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_rollups_pk', ['monitor_id', 'hour'])
    .execute();
  await db.schema.createIndex('check_rollups_hour').on('check_rollups').column('hour').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('check_rollups').execute();
  await db.schema.dropTable('check_results').execute();
  await db.schema.dropIndex('monitors_next_check').execute();
  for (const column of ['check_state', 'check_interval_ms', 'next_check_at']) await db.schema.alterTable('monitors').dropColumn(column).execute();
}
