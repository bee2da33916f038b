import type { Kysely } from 'kysely';

// When a user takes low-urgency pages: JSON of a schedule restriction in their time zone
// (business hours, chosen days and hours); null: any time, as before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('low_urgency_hours', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('low_urgency_hours').execute();
}
