import type { Kysely } from 'kysely';

// Opt-in messages that are not pages: "you are on call from … to …" and a daily summary.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('notify_handoffs', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('daily_summary_time', 'text').execute();
  // The text of a notice travels with its outbox row; pages are rendered from the incident.
  await db.schema.alterTable('notifications').addColumn('notice', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('notice').execute();
  await db.schema.alterTable('users').dropColumn('daily_summary_time').execute();
  await db.schema.alterTable('users').dropColumn('notify_handoffs').execute();
}
