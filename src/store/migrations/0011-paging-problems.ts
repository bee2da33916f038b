import type { Kysely } from 'kysely';

// Policies whose first step reaches nobody right now, as the paging-health check last
// found them. A row exists only while the problem lasts: its creation is the onset the
// team's managers are told about, once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('paging_problems')
    .addColumn('policy_id', 'text', (c) => c.primaryKey().references('escalation_policies.id').onDelete('cascade'))
    .addColumn('since', 'bigint', (c) => c.notNull())
    .addColumn('checked_at', 'bigint', (c) => c.notNull())
    // JSON PlanWarning[] of the first step.
    .addColumn('warnings', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('paging_problems').execute();
}
