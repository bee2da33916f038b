import type { Kysely } from 'kysely';

// A Pushover emergency page alarms until acknowledged in the app; its chat message (the
// receipt) is read back to acknowledge the incident too. Pushover asks for such reads
// no faster than every few seconds: receipt_poll_at is when a receipt may be read next,
// claimed by the node that reads it so that several nodes do not read it each.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_messages').addColumn('receipt_poll_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_messages').dropColumn('receipt_poll_at').execute();
}
