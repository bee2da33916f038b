import type { Kysely } from 'kysely';

// Some contact methods need a credential of their own besides their address (an ntfy
// access token for a protected topic). It is kept sealed with the server secret, never
// in the address, which the API shows and the timeline masks.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contact_methods').addColumn('secret', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contact_methods').dropColumn('secret').execute();
}
