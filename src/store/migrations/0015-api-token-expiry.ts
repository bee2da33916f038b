import type { Kysely } from 'kysely';

// A personal API token may expire: a script's token should not outlive the script by years.
// Null keeps the tokens made before this (and those made without an expiry) working.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
}
