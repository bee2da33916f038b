import { sql, type Kysely } from 'kysely';

// Event rules: an ordered list per monitor, and the organisation's global list
// (monitor_id NULL) that runs before every monitor's. Each list is replaced whole.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('monitor_id', 'text', (c) => c.references('monitors.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_rules_monitor').on('event_rules').columns(['monitor_id', 'position']).execute();
  // Changed by every save, so each node sees in one read whether its compiled rules are
  // current: max(updated_at) would miss a list emptied, or two saves in one millisecond.
  await db.schema
    .createTable('event_rules_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO event_rules_version (id, version) VALUES (1, 'initial')`.execute(db);
  // The key a rule gave an alert, by the key its sender gave it: the sender's later
  // acknowledge and resolve carry only its own key (PagerDuty, the webhook).
  await db.schema
    .createTable('event_rule_keys')
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('sent_key', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_rule_keys_pk', ['monitor_id', 'sent_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_rule_keys').execute();
  await db.schema.dropTable('event_rules_version').execute();
  await db.schema.dropTable('event_rules').execute();
}
