import type { Kysely } from 'kysely';

// People and systems following a status page, and the outbox of what they are told.
//
// A subscriber (email or webhook) is unconfirmed until its confirmation link is used:
// only sha256 of that link's random token is kept, cleared once used (single use), with
// an expiry. Unsubscribe links are HMACs of the subscriber's id (nothing stored).
//
// Each public event (an update posted, a maintenance scheduled) is one status_notice_events
// row keyed by what it is about, so publishing twice cannot tell anyone twice; its public
// text travels with it. status_notices holds one row per confirmed subscriber and event
// (primary key: both), claimed under a lease by one node at a time, retried with backoff.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('status_subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('confirm_token_hash', 'text')
    .addColumn('confirm_expires_at', 'bigint')
    .addColumn('confirmed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_subscribers_address').on('status_subscribers').columns(['page_id', 'kind', 'address']).unique().execute();
  await db.schema.createIndex('status_subscribers_confirm_token').on('status_subscribers').column('confirm_token_hash').unique().execute();

  await db.schema
    .createTable('status_notice_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id').onDelete('cascade'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_notice_events_page').on('status_notice_events').column('page_id').execute();

  await db.schema
    .createTable('status_notices')
    .addColumn('event_id', 'text', (c) => c.notNull().references('status_notice_events.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'text', (c) => c.notNull().references('status_subscribers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('lease_until', 'bigint')
    .addColumn('lease_owner', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('status_notices_pk', ['event_id', 'subscriber_id'])
    .execute();
  await db.schema.createIndex('status_notices_due').on('status_notices').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('status_notices_subscriber').on('status_notices').column('subscriber_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('status_notices').execute();
  await db.schema.dropTable('status_notice_events').execute();
  await db.schema.dropTable('status_subscribers').execute();
}
