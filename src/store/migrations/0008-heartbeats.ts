import type { Kysely } from 'kysely';

// A heartbeat monitor is due when its next beat is overdue: interval + grace after the last.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('monitors').addColumn('heartbeat_due_at', 'bigint').execute();
  await db.schema.createIndex('monitors_heartbeat_due').on('monitors').column('heartbeat_due_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('monitors_heartbeat_due').execute();
  await db.schema.alterTable('monitors').dropColumn('heartbeat_due_at').execute();
}
