import type { Kysely } from 'kysely';

// Suppressed incidents are recorded but page nobody: an event rule said so, or a monitor
// they depend on was down (then they point at that parent's incident, and are released
// to page if they outlast it).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('suppression', 'text').execute();
  await db.schema
    .alterTable('incidents')
    .addColumn('parent_incident_id', 'text', (c) => c.references('incidents.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('incidents_parent').on('incidents').column('parent_incident_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('incidents_parent').execute();
  await db.schema.alterTable('incidents').dropColumn('parent_incident_id').execute();
  await db.schema.alterTable('incidents').dropColumn('suppression').execute();
}
