import type { Kysely } from 'kysely';

// A contact method is paged only once its owner proved it reaches them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contact_methods').addColumn('verified_at', 'bigint').execute();
  await db.schema.alterTable('contact_methods').addColumn('verification_hash', 'text').execute();
  await db.schema.alterTable('contact_methods').addColumn('verification_expires_at', 'bigint').execute();
  await db.schema.alterTable('contact_methods').addColumn('verification_attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['verification_attempts', 'verification_expires_at', 'verification_hash', 'verified_at']) {
    await db.schema.alterTable('contact_methods').dropColumn(column).execute();
  }
}
