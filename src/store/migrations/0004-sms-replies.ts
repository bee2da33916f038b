import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // "Reply 3a to acknowledge": short codes per phone number, each naming one incident.
  await db.schema
    .createTable('reply_codes')
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('reply_codes_pk', ['phone', 'code'])
    .execute();

  // Provider callbacks already handled, by their unique id: a replayed callback is refused.
  await db.schema
    .createTable('provider_callbacks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('provider_callbacks').execute();
  await db.schema.dropTable('reply_codes').execute();
}
