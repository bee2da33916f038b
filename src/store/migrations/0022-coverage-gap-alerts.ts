import { sql, type Kysely } from 'kysely';

// Coverage-gap alerts: how many days ahead each schedule is scanned (0: never), the gaps
// someone marked intended (they stop alerting), and when each schedule was last scanned,
// so that among several nodes one scans it once a day, and what that scan found.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('schedules')
    .addColumn('gap_alert_days', 'integer', (c) => c.notNull().defaultTo(14).check(sql`gap_alert_days BETWEEN 0 AND 90`))
    .execute();

  await db.schema
    .createTable('intended_gaps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('intended_gaps_span', sql`end_at > start_at`)
    .execute();
  await db.schema.createIndex('intended_gaps_span').on('intended_gaps').columns(['schedule_id', 'end_at']).execute();

  await db.schema
    .createTable('gap_scans')
    .addColumn('schedule_id', 'text', (c) => c.primaryKey().references('schedules.id').onDelete('cascade'))
    .addColumn('scanned_at', 'bigint', (c) => c.notNull())
    // Unintended gaps ahead at the last scan (or intended-gap change): the metric reads it.
    .addColumn('open_gaps', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('gap_scans').execute();
  await db.schema.dropTable('intended_gaps').execute();
  await db.schema.alterTable('schedules').dropColumn('gap_alert_days').execute();
}
