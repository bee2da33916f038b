import type { Kysely } from 'kysely';

// Pushed monitors (webhook, PagerDuty-compatible, Alertmanager, Grafana) authenticate
// their sender by a secret key; only its hash is kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('monitors').addColumn('integration_key_hash', 'text').execute();
  await db.schema.createIndex('monitors_integration_key').on('monitors').column('integration_key_hash').unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('monitors_integration_key').execute();
  await db.schema.alterTable('monitors').dropColumn('integration_key_hash').execute();
}
