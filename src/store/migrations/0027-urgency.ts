import { sql, type Kysely } from 'kysely';

// Urgency: every incident is high or low. A monitor gives its incidents one urgency, or
// takes it from each event ('dynamic', PagerDuty's "use alert severity"). A notification
// rule applies to one urgency, or to both (null: every rule stored before this).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('monitors')
    .addColumn('urgency', 'text', (c) => c.notNull().defaultTo('high').check(sql`urgency in ('high', 'low', 'dynamic')`))
    .execute();
  await db.schema
    .alterTable('incidents')
    .addColumn('urgency', 'text', (c) => c.notNull().defaultTo('high').check(sql`urgency in ('high', 'low')`))
    .execute();
  await db.schema
    .alterTable('notification_rules')
    .addColumn('urgency', 'text', (c) => c.check(sql`urgency in ('high', 'low')`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notification_rules').dropColumn('urgency').execute();
  await db.schema.alterTable('incidents').dropColumn('urgency').execute();
  await db.schema.alterTable('monitors').dropColumn('urgency').execute();
}
