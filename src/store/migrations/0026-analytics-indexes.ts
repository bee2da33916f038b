import type { Kysely } from 'kysely';

// Analytics reads a period's incidents by trigger time (for the organisation, a team, or
// one monitor) and its pages by send time; without these each request scanned every
// incident and every outbox row ever written.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('incidents_triggered_at').on('incidents').column('triggered_at').execute();
  await db.schema.createIndex('incidents_monitor_triggered_at').on('incidents').columns(['monitor_id', 'triggered_at']).execute();
  await db.schema.createIndex('notifications_sent_at').on('notifications').column('sent_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['notifications_sent_at', 'incidents_monitor_triggered_at', 'incidents_triggered_at']) await db.schema.dropIndex(index).execute();
}
