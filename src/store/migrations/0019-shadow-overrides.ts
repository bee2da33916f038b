import { sql, type Kysely } from 'kysely';

// An override either replaces the person on call (every override stored before this) or
// shadows them: its user is paged alongside, for training and hand-holding.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('schedule_overrides')
    .addColumn('mode', 'text', (c) => c.notNull().defaultTo('replace').check(sql`mode in ('replace', 'shadow')`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('schedule_overrides').dropColumn('mode').execute();
}
