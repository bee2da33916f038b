import type { Kysely } from 'kysely';

// Nodes announce themselves with a heartbeat (wall-clock ms) so a starting or surviving
// node can tell that another is gone and take over its claimed work at once, instead of
// waiting for the claims' leases to run out. Claims record which node holds them.
// The test clock lives here too, in test mode only, so several test nodes share one "now".
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('nodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('incidents').addColumn('lease_owner', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('lease_owner', 'text').execute();
  await db.schema.createIndex('incidents_lease_owner').on('incidents').column('lease_owner').execute();
  await db.schema.createIndex('notifications_lease_owner').on('notifications').column('lease_owner').execute();
  await db.schema
    .createTable('test_clock')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('frozen_at', 'bigint')
    .addColumn('offset_ms', 'bigint', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('test_clock').execute();
  await db.schema.dropIndex('notifications_lease_owner').execute();
  await db.schema.dropIndex('incidents_lease_owner').execute();
  await db.schema.alterTable('notifications').dropColumn('lease_owner').execute();
  await db.schema.alterTable('incidents').dropColumn('lease_owner').execute();
  await db.schema.dropTable('nodes').execute();
}
