import { sql, type Kysely } from 'kysely';

// A schedule's public-holiday calendar for the fairness report: none, a country (and
// region) of the date-holidays package, or an iCal feed. A feed's last good copy is kept
// apart from the settings so that a failing fetch never loses it, and is not audited.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('schedules').addColumn('holiday_country', 'text').execute();
  await db.schema.alterTable('schedules').addColumn('holiday_region', 'text').execute();
  await db.schema.alterTable('schedules').addColumn('holiday_ical_url', 'text').execute();

  await db.schema
    .createTable('holiday_feeds')
    .addColumn('schedule_id', 'text', (c) => c.primaryKey().references('schedules.id').onDelete('cascade'))
    // The copy belongs to this URL: a new URL starts from nothing.
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('fetched_at', 'bigint')
    .addColumn('checked_at', 'bigint', (c) => c.notNull())
    .addColumn('error', 'text')
    .addCheckConstraint('holiday_feeds_error_or_copy', sql`error IS NOT NULL OR fetched_at IS NOT NULL`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('holiday_feeds').execute();
  for (const column of ['holiday_ical_url', 'holiday_region', 'holiday_country']) await db.schema.alterTable('schedules').dropColumn(column).execute();
}
