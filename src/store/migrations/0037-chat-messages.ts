import type { Kysely } from 'kysely';

// A page posted to a chat (a Slack channel or DM, a Telegram chat…) stays on screen, so
// it is kept up to date as its incident changes: each message the provider identified is
// recorded with what it shows. The chat sync (engine/chat-sync.ts) compares that with the
// incident; the difference lives here, so a crash between a change and its update loses
// nothing. next_sync_at is null once the message shows its incident resolved (or can no
// longer be edited): only the other rows are looked at, through its index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('message_ref', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('shown_state', 'text', (c) => c.notNull())
    .addColumn('shown_seq', 'integer', (c) => c.notNull())
    .addColumn('next_sync_at', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_messages_incident').on('chat_messages').column('incident_id').execute();
  await db.schema.createIndex('chat_messages_next_sync').on('chat_messages').column('next_sync_at').execute();
  await db.schema.createIndex('chat_messages_ref').on('chat_messages').columns(['provider', 'message_ref']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('chat_messages').execute();
}
