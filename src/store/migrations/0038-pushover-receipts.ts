import type { Kysely } from 'kysely';

// A Pushover emergency page alarms until acknowledged in the app; its chat message (the
// receipt) is read back to acknowledge the incident too. Pushover asks for such reads
// no faster than every few seconds: receipt_poll_at is when a receipt may be read next,
// claimed by the node that reads it so that several nodes do not read it each. Every
// node looks for due receipts every few seconds among the last hour's pages only: by
// provider and time, so the older pages (all of them, in time) are never read for it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_messages').addColumn('receipt_poll_at', 'bigint').execute();
  await db.schema.createIndex('chat_messages_provider_created').on('chat_messages').columns(['provider', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('chat_messages_provider_created').execute();
  await db.schema.alterTable('chat_messages').dropColumn('receipt_poll_at').execute();
}
